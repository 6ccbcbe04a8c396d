package io.kafkarest.gateway.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path pattern made of segments: a literal ({@code topics}, {@code records:batch}), a variable ({@code {topic}},
 * one segment) or, as the last segment only, {@code **} (zero or more segments). Paths are compared segment by
 * segment after percent-decoding; empty segments (trailing or doubled slashes) are ignored.
 */
public final class PathPattern {
    private static final String REST = "**";

    private final String pattern;
    private final List<String> segments;

    private PathPattern(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    public static PathPattern of(String pattern) {
        List<String> segments = split(pattern);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).equals(REST) && i != segments.size() - 1) {
                throw new IllegalArgumentException("'**' must be the last segment: " + pattern);
            }
        }
        return new PathPattern(pattern, segments);
    }

    /** The decoded, non-empty segments of a raw (still percent-encoded) path. */
    public static List<String> segmentsOf(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : split(rawPath)) {
            out.add(decode(s));
        }
        return out;
    }

    /** The variables of the pattern if the (decoded) segments match it. */
    public Optional<Map<String, String>> match(List<String> path) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String p = segments.get(i);
            if (p.equals(REST)) {
                return Optional.of(vars);
            }
            if (i >= path.size()) {
                return Optional.empty();
            }
            String actual = path.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                vars.put(p.substring(1, p.length() - 1), actual);
            } else if (!p.equals(actual)) {
                return Optional.empty();
            }
        }
        return path.size() == segments.size() ? Optional.of(vars) : Optional.empty();
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
