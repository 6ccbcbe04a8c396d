package io.kafkarest.gateway.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway did per route-table entry and backend: {@code kafkarest_gateway_requests_seconds{route,service,
 * status}} (answers, whoever gave them - route and service "none" for the gateway's 404/405 to a request no route
 * matched - with their latency to the answer's head as a percentile histogram), {@code kafkarest_gateway_backend_errors_total{service,backend}} (a node
 * could not be reached or failed mid-answer: 502/504) and {@code kafkarest_gateway_retries_total{service,backend}}
 * (a request sent on to the next replica because this node could not be reached).
 */
@Singleton
public class GatewayMetrics {
    /** The route and service of a request that matched none. */
    public static final String NONE = "none";
    private final MeterRegistry registry;
    /** Meters by their tags: looking one up in the registry builds its id anew, on every request. */
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public GatewayMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** An answer to a request that matched {@code route}, {@code nanos} after the request came in. */
    public void answered(RouteMatch route, int status, long nanos) {
        record(route.route().path().toString(), route.service().id(), status, nanos);
    }

    /** The gateway's 404 or 405 to a request that matched no route: {@code route} and {@code service} "none". */
    public void notRouted(int status, long nanos) {
        record(NONE, NONE, status, nanos);
    }

    private void record(String route, String service, int status, long nanos) {
        if (registry != null) {
            timers.computeIfAbsent(List.of(route, service, Integer.toString(status)),
                    tags -> Timer.builder("kafkarest.gateway.requests")
                            .description("Requests answered, by route and status, until the answer's head")
                            .tag("route", tags.get(0))
                            .tag("service", tags.get(1))
                            .tag("status", tags.get(2))
                            .publishPercentileHistogram()
                            .register(registry))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A node of {@code service} could not be reached, or failed while answering. */
    public void backendFailed(BackendService service, Endpoint backend) {
        count("kafkarest.gateway.backend.errors", "Backend nodes unreachable or failing", service, backend);
    }

    /** A request that could not reach {@code backend} is tried on the next replica. */
    public void retried(BackendService service, Endpoint backend) {
        count("kafkarest.gateway.retries", "Requests tried again on the next replica", service, backend);
    }

    private void count(String name, String description, BackendService service, Endpoint backend) {
        if (registry != null) {
            counters.computeIfAbsent(List.of(name, service.id(), backend.baseUri()),
                    tags -> Counter.builder(name).description(description)
                            .tag("service", tags.get(1))
                            .tag("backend", tags.get(2))
                            .register(registry))
                    .increment();
        }
    }
}
