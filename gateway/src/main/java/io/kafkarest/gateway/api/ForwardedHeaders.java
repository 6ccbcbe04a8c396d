package io.kafkarest.gateway.api;

import io.kafkarest.rest.RequestIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
        apply(original.getHeaders()::get, clientAddress(original), RequestIds.of(original), external, headers::set,
                headers::remove);
    }

    /**
     * The same for any request: {@code header} reads the original request's headers, {@code set} and {@code remove}
     * change the forwarded request's (a copy of the original's).
     *
     * @param requestId the request's settled id, null when the one sent is not sane (then none is forwarded)
     */
    static void apply(UnaryOperator<String> header, String client, @Nullable String requestId, ExternalBase external,
                      BiConsumer<String, String> set, Consumer<String> remove) {
        HOP_BY_HOP.forEach(remove);
        if (requestId != null) {
            set.accept(RequestIds.HEADER, requestId);
        } else {
            remove.accept(RequestIds.HEADER); // not sane
        }
        String existingFor = header.apply("X-Forwarded-For");
        set.accept("X-Forwarded-For", existingFor == null || existingFor.isBlank() ? client
                : existingFor + ", " + client);
        set.accept("X-Forwarded-Proto", external.scheme());
        set.accept("X-Forwarded-Host", external.host());
        set.accept("X-Forwarded-Port", String.valueOf(external.port()));
        if (!external.prefix().isEmpty()) {
            set.accept("X-Forwarded-Prefix", external.prefix());
        }
        String element = "for=" + forValue(client) + ";proto=" + external.scheme()
                + ";host=\"" + external.host() + ":" + external.port() + "\"";
        String existing = header.apply("Forwarded");
        set.accept("Forwarded", existing == null || existing.isBlank() ? element : existing + ", " + element);
    }

    private static String clientAddress(HttpRequest<?> request) {
        return clientAddress(request.getRemoteAddress());
    }

    /** The client's IP (literal) from its socket address. */
    static String clientAddress(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    private static String forValue(String client) {
        return client.indexOf(':') >= 0 ? "\"[" + client + "]\"" : client;
    }
}
