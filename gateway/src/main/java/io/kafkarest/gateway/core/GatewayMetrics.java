package io.kafkarest.gateway.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway did per route-table entry and backend: {@code kafkarest_gateway_requests_seconds{route,service,
 * status}} (answers, whoever gave them, with their latency to the answer's head as a percentile histogram), {@code kafkarest_gateway_backend_errors_total{service,backend}} (a node
 * could not be reached or failed mid-answer: 502/504) and {@code kafkarest_gateway_retries_total{service,backend}}
 * (a request sent on to the next replica because this node could not be reached).
 */
@Singleton
public class GatewayMetrics {
    private final MeterRegistry registry;

    public GatewayMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** An answer to a request that matched {@code route}, {@code nanos} after the request came in. */
    public void answered(RouteMatch route, int status, long nanos) {
        if (registry != null) {
            Timer.builder("kafkarest.gateway.requests")
                    .description("Requests answered, by route and status, until the answer's head")
                    .tag("route", route.route().path().toString())
                    .tag("service", route.service().id())
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A node of {@code service} could not be reached, or failed while answering. */
    public void backendFailed(BackendService service, Endpoint backend) {
        count(Counter.builder("kafkarest.gateway.backend.errors").description("Backend nodes unreachable or failing")
                .tag("service", service.id())
                .tag("backend", backend.baseUri()));
    }

    /** A request that could not reach {@code backend} is tried on the next replica. */
    public void retried(BackendService service, Endpoint backend) {
        count(Counter.builder("kafkarest.gateway.retries").description("Requests tried again on the next replica")
                .tag("service", service.id())
                .tag("backend", backend.baseUri()));
    }

    private void count(Counter.Builder counter) {
        if (registry != null) {
            counter.register(registry).increment();
        }
    }
}
