package io.kafkarest.gateway.core;

import java.util.Map;

/** A request matched to a route, with the path variables (decoded) of the pattern. */
public record RouteMatch(Route route, Map<String, String> variables) {

    public BackendService service() {
        return route.service();
    }

    public RouteKind kind() {
        return route.kind();
    }

    public String variable(String name) {
        return variables.get(name);
    }
}
