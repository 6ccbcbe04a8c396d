package io.kafkarest.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which browser origins may call the API ({@code gateway.cors.*}): origins are exact ({@code https://ui.example.com})
 * or {@code *}; methods and request headers are compared case-insensitively ({@code *} allows any header).
 */
public record CorsPolicy(List<String> allowedOrigins, Set<String> allowedMethods, Set<String> allowedHeaders,
                         List<String> exposedHeaders, boolean allowCredentials, long maxAgeSeconds) {

    public static CorsPolicy of(String origins, String methods, String headers, String exposed,
                                boolean allowCredentials, long maxAgeSeconds) {
        return new CorsPolicy(split(origins).stream().map(o -> o.replaceAll("/+$", "")).toList(),
                new TreeSet<>(split(methods).stream().map(m -> m.toUpperCase(Locale.ROOT)).toList()),
                new TreeSet<>(lowerCase(headers)), split(exposed), allowCredentials, maxAgeSeconds);
    }

    /**
     * The {@code Access-Control-Allow-Origin} value for a request from this origin, or empty if it may not call:
     * the origin itself (with {@code Vary: Origin}) unless any origin is allowed without credentials ({@code *}).
     */
    public Optional<String> allowOrigin(String origin) {
        if (allowedOrigins.contains("*")) {
            return Optional.of(allowCredentials ? origin : "*");
        }
        return allowedOrigins.contains(origin) ? Optional.of(origin) : Optional.empty();
    }

    public boolean allowsMethod(String method) {
        return allowedMethods.contains("*") || allowedMethods.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Whether every header of an {@code Access-Control-Request-Headers} value is allowed. */
    public boolean allowsHeaders(String requestHeaders) {
        return allowedHeaders.contains("*")
                || allowedHeaders.containsAll(lowerCase(requestHeaders == null ? "" : requestHeaders));
    }

    /** The {@code Access-Control-Allow-Headers} answer: the requested ones when any is allowed, else the list. */
    public String allowHeadersAnswer(String requestHeaders) {
        if (allowedHeaders.contains("*")) {
            return requestHeaders == null ? "" : requestHeaders;
        }
        return String.join(", ", allowedHeaders);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lowerCase(String value) {
        return split(value).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
