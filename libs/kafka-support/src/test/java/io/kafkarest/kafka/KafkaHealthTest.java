package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.testing.TestKafka;
import io.micronaut.configuration.kafka.admin.AdminClientFactory;
import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Readiness follows Kafka through micronaut-kafka's {@link KafkaHealthIndicator} (every indicator that is not
 * {@code @Liveness} counts for {@code /health/readiness}), asking the service's one Admin client: micronaut-kafka's.
 */
class KafkaHealthTest {

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().environmentPropertySource(false).properties(properties).start();
    }

    private static HealthResult health(ApplicationContext context, Duration timeout) {
        return Flux.from(context.getBean(KafkaHealthIndicator.class).getResult()).blockFirst(timeout);
    }

    @Test
    void upWithTheClusterIdAgainstARealBroker() throws Exception {
        try (ApplicationContext context = context(Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers()))) {
            HealthResult result = health(context, Duration.ofSeconds(15));
            assertEquals("kafka", result.getName());
            assertEquals(HealthStatus.UP, result.getStatus(), String.valueOf(result.getDetails()));
            String clusterId = context.getBean(Admin.class).describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            assertEquals(clusterId, ((Map<?, ?>) result.getDetails()).get("clusterId"));
            assertFalse(KafkaHealthIndicator.class.isAnnotationPresent(Liveness.class), "a readiness indicator");
        }
    }

    @Test
    void downQuicklyAgainstAClosedPort() {
        try (ApplicationContext context = context(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + EmbeddedKafka.freePort(),
                "kafka.health-timeout", "3s",
                "kafka.request.timeout.ms", "1000",
                "kafka.reconnect.backoff.max.ms", "200"))) {
            long start = System.nanoTime();
            HealthResult result = health(context, Duration.ofSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(HealthStatus.DOWN, result.getStatus());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            assertTrue(String.valueOf(result.getDetails()).contains("Timed out"), String.valueOf(result.getDetails()));
        }
    }

    @Test
    void theOneAdminClientIsMicronautKafkasBuiltFromKafkaProperties() {
        try (ApplicationContext context = context(Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "kafka.client.id", "health-test-admin"))) {
            Admin admin = context.getBean(Admin.class);
            assertEquals(1, context.getBeansOfType(Admin.class).size());
            assertSame(context.getBean(AdminClient.class), admin);
            assertEquals(AdminClientFactory.class, context.getBeanDefinition(AdminClient.class).getDeclaringType()
                    .orElseThrow());
            assertTrue(admin.metrics().keySet().stream().anyMatch(m -> "health-test-admin".equals(m.tags().get("client-id"))),
                    "kafka.* reaches the Admin client");
        }
    }
}
