package io.kafkarest.kafka;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;

/** Readiness reflects the Kafka connection: ready only while the cluster answers a describe-cluster call. */
@Singleton
@Readiness
public class KafkaReadinessIndicator implements HealthIndicator {
    private final Admin admin;

    public KafkaReadinessIndicator(Admin admin) {
        this.admin = admin;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<HealthResult> result = admin
                .describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                .clusterId()
                .toCompletionStage()
                .toCompletableFuture()
                .thenApply(id -> HealthResult.builder("kafka", HealthStatus.UP)
                        .details(Map.of("cluster_id", id)).build())
                .exceptionally(e -> HealthResult.builder("kafka", HealthStatus.DOWN)
                        .details(Map.of("error", String.valueOf(e.getMessage()))).build());
        return Publishers.fromCompletableFuture(result);
    }
}
