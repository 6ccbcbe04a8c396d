package io.kafkarest.gateway.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the route table: methods (empty = any method) + path pattern -> service (+ what kind of forwarding).
 * HEAD is accepted wherever GET is.
 */
public record Route(Set<String> methods, PathPattern path, BackendService service, RouteKind kind) {

    public Optional<Map<String, String>> match(String method, java.util.List<String> segments) {
        if (!methods.isEmpty()) {
            String m = method.toUpperCase(Locale.ROOT);
            if (!methods.contains(m) && !(m.equals("HEAD") && methods.contains("GET"))) {
                return Optional.empty();
            }
        }
        return path.match(segments);
    }

    @Override
    public String toString() {
        return String.format("%-7s %-60s -> %s%s", methods.isEmpty() ? "ANY" : String.join(",", methods), path,
                service.id(), kind == RouteKind.FORWARD ? "" : " (" + kind + ")");
    }
}
