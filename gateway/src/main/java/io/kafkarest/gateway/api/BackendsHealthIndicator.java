package io.kafkarest.gateway.api;

import io.kafkarest.gateway.backend.BackendDirectory;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Readiness of the gateway: always UP - it holds no state it must load and routes as soon as it listens; a backend
 * that is down is answered per request (502/503/504), and taking the whole gateway out of rotation for one missing
 * service would make every other service unreachable too. The details list each service's configured URLs, the
 * endpoints they resolve to and resolution errors, for operators.
 */
@Singleton
@Readiness
public class BackendsHealthIndicator implements HealthIndicator {
    private final BackendDirectory backends;

    public BackendsHealthIndicator(BackendDirectory backends) {
        this.backends = backends;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.just(HealthResult.builder("backends", HealthStatus.UP).details(backends.describe()).build());
    }
}
