package io.kafkarest.gateway.api;

import io.kafkarest.rest.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Proxy headers on the way to a backend: {@code X-Forwarded-For} (appended), {@code X-Forwarded-Proto/Host/Port}
 * (and {@code X-Forwarded-Prefix} when the external URL has a path) describing the gateway's external URL,
 * {@code Forwarded} (RFC 7239, element appended), and the request's {@code X-Request-Id} (settled by rest-common's
 * {@code AccessLogFilter}: the client's if sane, else a new one). Hop-by-hop headers are not forwarded.
 */
final class ForwardedHeaders {
    /** Hop-by-hop (RFC 9110 7.6.1) plus Expect: the gateway's own server already answered any 100-continue. */
    static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer",
            "Upgrade", "Expect");

    private ForwardedHeaders() {
    }

    static void apply(HttpRequest<?> original, MutableHttpHeaders headers, ExternalBase external) {
        HOP_BY_HOP.forEach(headers::remove);
        String requestId = RequestIds.of(original);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        } else {
            headers.remove(RequestIds.HEADER); // not sane
        }
        String client = clientAddress(original);
        String existingFor = original.getHeaders().get("X-Forwarded-For");
        headers.set("X-Forwarded-For", existingFor == null || existingFor.isBlank() ? client
                : existingFor + ", " + client);
        headers.set("X-Forwarded-Proto", external.scheme());
        headers.set("X-Forwarded-Host", external.host());
        headers.set("X-Forwarded-Port", String.valueOf(external.port()));
        if (!external.prefix().isEmpty()) {
            headers.set("X-Forwarded-Prefix", external.prefix());
        }
        String element = "for=" + forValue(client) + ";proto=" + external.scheme()
                + ";host=\"" + external.host() + ":" + external.port() + "\"";
        String existing = original.getHeaders().get("Forwarded");
        headers.set("Forwarded", existing == null || existing.isBlank() ? element : existing + ", " + element);
    }

    private static String clientAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    private static String forValue(String client) {
        return client.indexOf(':') >= 0 ? "\"[" + client + "]\"" : client;
    }
}
