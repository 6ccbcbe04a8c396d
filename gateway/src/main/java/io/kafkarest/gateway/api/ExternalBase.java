package io.kafkarest.gateway.api;

import io.kafkarest.rest.ExternalUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.Locale;

/**
 * The URL clients use to reach the gateway: {@code gateway.external-url} when configured, else derived from the
 * request (Forwarded / X-Forwarded-* / Host).
 *
 * @param url    e.g. {@code https://kafka.example.com/rest}, no trailing slash
 * @param scheme http or https
 * @param host   host name or IP (IPv6 in brackets)
 * @param port   explicit or default port of the scheme
 * @param prefix path prefix, empty or starting with '/'
 */
public record ExternalBase(String url, String scheme, String host, int port, String prefix) {

    public static ExternalBase of(HttpRequest<?> request, @Nullable String configured) {
        return parse(configured != null ? configured : ExternalUrl.of(request));
    }

    static ExternalBase parse(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        String trimmed = url.substring(0, end);
        URI uri = URI.create(trimmed);
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String prefix = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new ExternalBase(trimmed, scheme, host, port, prefix);
    }
}
