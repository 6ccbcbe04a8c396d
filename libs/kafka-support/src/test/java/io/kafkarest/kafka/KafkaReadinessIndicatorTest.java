package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.testing.TestKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class KafkaReadinessIndicatorTest {

    private static HealthResult first(Publisher<HealthResult> publisher, Duration timeout) throws Exception {
        CompletableFuture<HealthResult> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(HealthResult r) {
                result.complete(r);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.completeExceptionally(new AssertionError("completed without a result"));
            }
        });
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void upWithTheClusterIdAgainstARealBroker() throws Exception {
        try (ApplicationContext context = ApplicationContext.builder()
                .environmentPropertySource(false)
                .properties(Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers()))
                .start()) {
            KafkaReadinessIndicator indicator = context.getBean(KafkaReadinessIndicator.class);
            HealthResult result = first(indicator.getResult(), Duration.ofSeconds(10));
            assertEquals("kafka", result.getName());
            assertEquals(HealthStatus.UP, result.getStatus());
            String clusterId = context.getBean(Admin.class).describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            assertNotNull(clusterId);
            assertEquals(Map.of("cluster_id", clusterId), result.getDetails());
        }
    }

    @Test
    void downQuicklyAgainstAClosedPort() throws Exception {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + EmbeddedKafka.freePort(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness-down-test");
        try (Admin admin = Admin.create(config)) {
            KafkaReadinessIndicator indicator = new KafkaReadinessIndicator(admin);
            long start = System.nanoTime();
            HealthResult result = first(indicator.getResult(), Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(HealthStatus.DOWN, result.getStatus());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) result.getDetails();
            assertTrue(String.valueOf(details.get("error")).contains("Timed out"), String.valueOf(details));
        }
    }
}
