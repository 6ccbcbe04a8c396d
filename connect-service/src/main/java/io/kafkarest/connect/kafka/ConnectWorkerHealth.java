package io.kafkarest.connect.kafka;

import io.kafkarest.connect.core.ConnectRuntime;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.runtime.Herder;

/**
 * Health of the embedded Connect worker on the management port. Readiness: the herder has joined the Connect group
 * and answers Connect's own health check (a no-op request its thread runs) within 3 s. Liveness: the worker has
 * not failed (a failed worker needs a restart of the service).
 */
@Factory
public class ConnectWorkerHealth {
    static final String NAME = "kafkaConnect";
    private static final long READINESS_TIMEOUT_MS = 3_000;

    @Singleton
    @Readiness
    public HealthIndicator connectWorkerReadiness(EmbeddedConnectRuntime runtime) {
        return () -> {
            if (runtime.state() != ConnectRuntime.State.RUNNING) {
                return Publishers.just(result(runtime, HealthStatus.DOWN));
            }
            CompletableFuture<HealthResult> answer = new CompletableFuture<>();
            Herder herder = runtime.herder();
            herder.healthCheck((error, ignored) -> answer.complete(error == null
                    ? result(runtime, HealthStatus.UP)
                    : HealthResult.builder(NAME, HealthStatus.DOWN).details(details(runtime, error)).build()));
            return Publishers.fromCompletableFuture(answer
                    .completeOnTimeout(HealthResult.builder(NAME, HealthStatus.DOWN)
                            .details(details(runtime, "the herder has not answered a health check (joining the "
                                    + "group or rebalancing)")).build(), READINESS_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        };
    }

    @Singleton
    @Liveness
    public HealthIndicator connectWorkerLiveness(EmbeddedConnectRuntime runtime) {
        return () -> Publishers.just(result(runtime,
                runtime.state() == ConnectRuntime.State.FAILED ? HealthStatus.DOWN : HealthStatus.UP));
    }

    private static HealthResult result(EmbeddedConnectRuntime runtime, HealthStatus status) {
        return HealthResult.builder(NAME, status).details(details(runtime, runtime.failure())).build();
    }

    private static Map<String, Object> details(EmbeddedConnectRuntime runtime, Object error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", runtime.state().name());
        if (runtime.advertisedUrl() != null) {
            details.put("advertised_url", runtime.advertisedUrl());
        }
        if (error instanceof Throwable t) {
            details.put("error", String.valueOf(t.getMessage()));
        } else if (error != null) {
            details.put("error", error.toString());
        }
        return details;
    }
}
