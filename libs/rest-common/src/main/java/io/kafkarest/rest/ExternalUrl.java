package io.kafkarest.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL a client used to reach us, for links in responses ({@code self}, {@code base_uri}). Behind the gateway
 * that is the gateway's URL, taken from {@code Forwarded} or {@code X-Forwarded-*}; otherwise the Host header.
 */
public final class ExternalUrl {
    private static final Pattern FORWARDED_PART = Pattern.compile("(?i)(proto|host)=\"?([^;,\"]+)\"?");

    private ExternalUrl() {
    }

    /** e.g. {@code http://localhost:8080}, without a trailing slash. */
    public static String of(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        String proto = null;
        String host = null;
        String forwarded = headers.get("Forwarded");
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
            proto = firstValue(headers.get("X-Forwarded-Proto"));
        }
        if (host == null) {
            host = firstValue(headers.get("X-Forwarded-Host"));
            String port = firstValue(headers.get("X-Forwarded-Port"));
            if (host != null && port != null && !host.contains(":")) {
                host = host + ":" + port;
            }
        }
        if (host == null) {
            host = headers.get(HttpHeaders.HOST);
        }
        if (host == null) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        if (proto == null) {
            proto = request.isSecure() ? "https" : "http";
        }
        String prefix = firstValue(headers.get("X-Forwarded-Prefix"));
        String base = proto.toLowerCase(Locale.ROOT) + "://" + host;
        if (prefix != null && !prefix.isBlank()) {
            base += prefix.startsWith("/") ? prefix : "/" + prefix;
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",", 2)[0].trim();
    }
}
