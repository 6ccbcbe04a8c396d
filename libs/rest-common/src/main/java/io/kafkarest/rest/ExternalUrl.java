package io.kafkarest.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL a client used to reach us, for links in responses ({@code self}, {@code base_uri}). Behind the gateway
 * that is the gateway's URL, taken from {@code Forwarded} or {@code X-Forwarded-*}; otherwise the Host header.
 */
public final class ExternalUrl {
    private static final Pattern FORWARDED_PART = Pattern.compile("(?i)(?<![\\w-])(proto|host)=\"?([^;,\"]+)\"?");

    private ExternalUrl() {
    }

    /** e.g. {@code http://localhost:8080}, without a trailing slash. */
    public static String of(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        return of(headers::get, () -> isSecure(request), () -> {
            String authority = requestAuthority(request);
            return authority != null ? authority : serverAddress(request);
        });
    }

    /**
     * The same from request headers alone (for a request that is not a Micronaut {@link HttpRequest}).
     *
     * @param header          a request header's value by name, or null
     * @param secure          whether the request came over TLS (when no header says the scheme)
     * @param fallbackAuthority {@code host:port} to use when no header names the host
     */
    public static String of(UnaryOperator<String> header, BooleanSupplier secure, Supplier<String> fallbackAuthority) {
        String proto = null;
        String host = null;
        String forwarded = header.apply("Forwarded");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0];
            Matcher m = FORWARDED_PART.matcher(first);
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase("proto")) {
                    proto = m.group(2);
                } else {
                    host = m.group(2);
                }
            }
        }
        if (proto == null) {
            proto = firstValue(header.apply("X-Forwarded-Proto"));
        }
        if (host == null) {
            host = firstValue(header.apply("X-Forwarded-Host"));
            String port = firstValue(header.apply("X-Forwarded-Port"));
            if (host != null && port != null && !hasPort(host)) {
                host = host + ":" + port;
            }
        }
        if (host == null) {
            host = firstValue(header.apply(HttpHeaders.HOST));
        }
        if (host == null) {
            host = fallbackAuthority.get();
        }
        if (proto == null) {
            proto = secure.getAsBoolean() ? "https" : "http";
        }
        String prefix = firstValue(header.apply("X-Forwarded-Prefix"));
        String base = proto.toLowerCase(Locale.ROOT) + "://" + host;
        if (prefix != null && !prefix.isBlank()) {
            base += prefix.startsWith("/") ? prefix : "/" + prefix;
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code host:port} or {@code [v6]:port}; a bare IPv6 literal in brackets has no port. */
    private static boolean hasPort(String host) {
        return host.startsWith("[") ? host.contains("]:") : host.contains(":");
    }

    /** The authority of an absolute request URI (a request built by a client), else null. */
    private static String requestAuthority(HttpRequest<?> request) {
        try {
            URI uri = request.getUri();
            return uri == null ? null : uri.getRawAuthority();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The local address that received the request; "localhost" when the request has none. */
    private static String serverAddress(HttpRequest<?> request) {
        try {
            InetSocketAddress address = request.getServerAddress();
            if (address == null) {
                return "localhost";
            }
            String host = address.getHostString();
            if (host.contains(":") && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            return host + ":" + address.getPort();
        } catch (RuntimeException e) {
            return "localhost";
        }
    }

    private static boolean isSecure(HttpRequest<?> request) {
        try {
            return request.isSecure();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",", 2)[0].trim();
    }
}
