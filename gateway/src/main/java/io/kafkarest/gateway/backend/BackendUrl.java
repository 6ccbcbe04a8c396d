package io.kafkarest.gateway.backend;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One configured base URL of a service, e.g. {@code http://produce-service:8082}; its host may stand for many nodes. */
public record BackendUrl(String scheme, String host, int port, String pathPrefix) {

    /** Parses a comma-separated list (entries may also come as separate list items); blanks are skipped. */
    public static List<BackendUrl> parseAll(List<String> values) {
        List<BackendUrl> out = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part.strip()));
                }
            }
        }
        return out;
    }

    public static BackendUrl parse(String value) {
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid backend URL '" + value + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Invalid backend URL '" + value + "': scheme must be http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Invalid backend URL '" + value + "': no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new BackendUrl(scheme, host, port, path);
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + pathPrefix;
    }
}
