package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.ProduceTestSupport;
import io.micronaut.configuration.kafka.admin.AdminClientFactory;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;

/**
 * The service's Kafka clients come from micronaut-kafka: the shared producer from its producer configuration
 * ({@code kafka.*}, then {@code kafka.producers.default.*}), topic metadata from its Admin bean.
 */
@MicronautTest
class KafkaConfigurationTest extends ProduceTestSupport {
    @Inject
    ApplicationContext context;
    @Inject
    SharedProducer shared;
    @Inject
    AbstractKafkaProducerConfiguration<?, ?> producerConfiguration;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("kafka.producers.default.linger.ms", "7");
        properties.put("kafka.producers.default.client.id", "configured-producer");
        properties.put("kafka.connections.max.idle.ms", "123456");
        // deprecated names (KAFKA_PRODUCER_*, KAFKA_CLIENT_*, KAFKA_ADMIN_*): still read, current ones win
        properties.put("kafka.producer.linger.ms", "99");
        properties.put("kafka.producer.compression.type", "lz4");
        properties.put("kafka.client.connections.max.idle.ms", "1");
        properties.put("kafka.client.receive.buffer.bytes", "65536");
        properties.put("kafka.admin.client.id", "legacy-admin");
        return properties;
    }

    @Test
    void rawKafkaKeysReachTheSharedProducer() {
        Map<String, Object> config = KafkaProducerFactory.producerConfig(producerConfiguration);

        assertEquals("7", config.get("linger.ms"), "kafka.producers.default.linger.ms");
        assertEquals("123456", config.get("connections.max.idle.ms"), "kafka.* reaches every client");
        assertEquals(bootstrapServers(), config.get("bootstrap.servers"));
        assertEquals("all", config.get("acks"), "the service's defaults where nothing is configured");
        assertTrue(config.keySet().stream().noneMatch(key -> key.contains("-")), config.toString());
        assertEquals("lz4", config.get("compression.type"), "deprecated kafka.producer.*");
        assertEquals("65536", config.get("receive.buffer.bytes"), "deprecated kafka.client.*");
        assertTrue(config.keySet().stream().noneMatch(key -> key.matches("(producer|consumer|admin|client)\\..*")
                && !key.equals("client.id")), config.toString());
        assertTrue(shared.get().metrics().keySet().stream()
                        .anyMatch(name -> "configured-producer".equals(name.tags().get("client-id"))),
                "the real producer was built with kafka.producers.default.client.id");
    }

    @Test
    void theOneAdminClientIsMicronautKafkas() {
        assertEquals(1, context.getBeansOfType(Admin.class).size());
        assertEquals(AdminClientFactory.class,
                context.getBeanDefinition(AdminClient.class).getDeclaringType().orElseThrow());
        assertTrue(context.getBean(Admin.class).metrics().keySet().stream()
                .noneMatch(name -> "configured-producer".equals(name.tags().get("client-id"))),
                "kafka.producers.default.* is the producer's only");
        assertTrue(context.getBean(Admin.class).metrics().keySet().stream()
                        .anyMatch(name -> "legacy-admin".equals(name.tags().get("client-id"))),
                "the real Admin client was built with the deprecated kafka.admin.client.id");
        assertTrue(shared.get().metrics().keySet().stream()
                        .noneMatch(name -> "legacy-admin".equals(name.tags().get("client-id"))),
                "kafka.admin.* is the Admin client's only");
    }
}
