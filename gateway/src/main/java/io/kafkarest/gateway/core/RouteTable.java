package io.kafkarest.gateway.core;

import static io.kafkarest.gateway.core.BackendService.ADMIN;
import static io.kafkarest.gateway.core.BackendService.CONNECT;
import static io.kafkarest.gateway.core.BackendService.CONSUME;
import static io.kafkarest.gateway.core.BackendService.PRODUCE;
import static io.kafkarest.gateway.core.RouteKind.CONSUMER_CREATE;
import static io.kafkarest.gateway.core.RouteKind.CONSUMER_INSTANCE;
import static io.kafkarest.gateway.core.RouteKind.FORWARD;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which service answers which request: method + path pattern -> service. The first matching line wins, so the more
 * specific lines (records, the v1 simple consumer, consumer instances) come before the broad ones.
 */
public final class RouteTable {
    private static final Set<String> ANY = Set.of();
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> POST = Set.of("POST");

    private static final RouteTable STANDARD = new RouteTable(List.of(
            // Kafka Connect REST API
            route(GET, "/", CONNECT),
            route(ANY, "/connectors/**", CONNECT),
            route(ANY, "/connector-plugins/**", CONNECT),
            route(ANY, "/admin/loggers/**", CONNECT),
            route(GET, "/health", CONNECT),
            // produce: v1/v2 topics and partitions, v3 records
            route(POST, "/topics/{topic}", PRODUCE),
            route(POST, "/topics/{topic}/partitions/{partition}", PRODUCE),
            route(POST, "/v3/clusters/{cluster}/topics/{topic}/records", PRODUCE),
            route(POST, "/v3/clusters/{cluster}/topics/{topic}/records:batch", PRODUCE),
            // consume: v1/v2 consumer instances (pinned to their node), v1 simple consumer
            new Route(POST, PathPattern.of("/consumers/{group}"), CONSUME, CONSUMER_CREATE),
            new Route(ANY, PathPattern.of("/consumers/{group}/instances/{instance}/**"), CONSUME, CONSUMER_INSTANCE),
            route(ANY, "/consumers/**", CONSUME),
            route(GET, "/topics/{topic}/partitions/{partition}/messages", CONSUME),
            // admin: v1/v2 metadata, all of v3 except records
            route(GET, "/topics/**", ADMIN),
            route(GET, "/brokers/**", ADMIN),
            route(ANY, "/v3/**", ADMIN)));

    /** Paths the gateway answers itself (its API description and Swagger UI): never routed to a service. */
    private static final List<PathPattern> GATEWAY_OWN = List.of(
            PathPattern.of("/openapi.yaml"),
            PathPattern.of("/swagger-ui/**"));

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The gateway's route table. */
    public static RouteTable standard() {
        return STANDARD;
    }

    /** The first route that matches, if any; {@code rawPath} is the path as received (percent-encoded). */
    public Optional<RouteMatch> match(String method, String rawPath) {
        List<String> segments = PathPattern.segmentsOf(rawPath);
        for (Route route : routes) {
            Optional<Map<String, String>> vars = route.match(method, segments);
            if (vars.isPresent()) {
                return Optional.of(new RouteMatch(route, vars.get()));
            }
        }
        return Optional.empty();
    }

    /** Whether the gateway answers this path itself ({@code rawPath} as received). */
    public static boolean isGatewayOwn(String rawPath) {
        List<String> segments = PathPattern.segmentsOf(rawPath);
        return GATEWAY_OWN.stream().anyMatch(pattern -> pattern.match(segments).isPresent());
    }

    /**
     * The methods some route takes on this path, for a 405's {@code Allow} (HEAD wherever GET); empty when no route
     * knows the path (a 404). Only asked when {@link #match} found nothing, so no route of the path takes any method.
     */
    public Set<String> allowedMethods(String rawPath) {
        List<String> segments = PathPattern.segmentsOf(rawPath);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().match(segments).isPresent()) {
                allowed.addAll(route.methods());
                if (route.methods().contains("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return allowed;
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public String toString() {
        return routes.stream().map(Route::toString).collect(Collectors.joining("\n"));
    }

    private static Route route(Set<String> methods, String pattern, BackendService service) {
        return new Route(methods, PathPattern.of(pattern), service, FORWARD);
    }
}
