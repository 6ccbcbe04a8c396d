package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The translation of the deprecated {@code kafka.client|producer|consumer|admin.*} settings, without a context. */
class KafkaClientKeysTest {
    private static final Map<String, Map<String, String>> LEGACY = Map.of(
            "client", Map.of("security.protocol", "SSL", "linger.ms", "1", "request.timeout.ms", "2"),
            "producer", Map.of("linger.ms", "5", "acks", "1"),
            "consumer", Map.of("max.poll.records", "7"),
            "admin", Map.of("request.timeout.ms", "5000", "client.id", "legacy-admin"));

    private static Map<Object, Object> apply(Map<String, String> config, String kind, Set<String> current) {
        Properties properties = new Properties();
        properties.putAll(config);
        KafkaClientKeys.apply(properties, kind, current, LEGACY);
        return new TreeMap<>(properties);
    }

    @Test
    void eachOldSectionReachesItsOwnKindAndClientReachesEvery() {
        Map<String, String> copiedFromKafka = Map.of("bootstrap.servers", "k:9092", "producer.linger.ms", "5",
                "producer-linger.ms", "5", "client.linger.ms", "1", "admin.client.id", "legacy-admin");

        Map<Object, Object> admin = apply(copiedFromKafka, "admin", Set.of("bootstrap.servers"));
        assertEquals(Map.of("bootstrap.servers", "k:9092", "security.protocol", "SSL", "linger.ms", "1",
                "request.timeout.ms", "5000", "client.id", "legacy-admin"), admin);

        // the producer's and consumers' configurations are copies of the Admin client's (kafka.*)
        @SuppressWarnings("unchecked")
        Map<String, String> adminConfig = (Map<String, String>) (Map<?, ?>) admin;
        assertEquals(Map.of("bootstrap.servers", "k:9092", "security.protocol", "SSL", "linger.ms", "5",
                "request.timeout.ms", "2", "acks", "1"), apply(adminConfig, "producer", Set.of("bootstrap.servers")));
        assertEquals(Map.of("bootstrap.servers", "k:9092", "security.protocol", "SSL", "linger.ms", "1",
                "request.timeout.ms", "2", "max.poll.records", "7"),
                apply(adminConfig, "consumer", Set.of("bootstrap.servers")));
        // another client built from kafka.* (connect-service's worker): kafka.client.* only
        assertEquals(Map.of("bootstrap.servers", "k:9092", "security.protocol", "SSL", "linger.ms", "1",
                "request.timeout.ms", "2"), apply(adminConfig, "client", Set.of("bootstrap.servers")));
    }

    @Test
    void currentSettingsWinOverOldOnes() {
        Map<String, String> kafka = Map.of("bootstrap.servers", "k:9092", "security.protocol", "SASL_SSL",
                "request.timeout.ms", "900");
        Set<String> current = Set.of("bootstrap.servers", "security.protocol", "request.timeout.ms");
        Map<Object, Object> admin = apply(kafka, "admin", current);
        assertEquals("SASL_SSL", admin.get("security.protocol"), "kafka.* beats kafka.client.*");
        assertEquals("900", admin.get("request.timeout.ms"), "kafka.* beats kafka.admin.*");

        // kafka.producers.default.linger.ms=9 is in the copy and among the producer's current keys
        Map<String, String> producerCopy = new TreeMap<>(kafka);
        producerCopy.put("linger.ms", "9");
        Map<Object, Object> producer = apply(producerCopy, "producer", Set.of("bootstrap.servers",
                "security.protocol", "request.timeout.ms", "linger.ms"));
        assertEquals("9", producer.get("linger.ms"), "kafka.producers.default.* beats kafka.producer.*");
        assertEquals("900", producer.get("request.timeout.ms"));
        assertEquals("1", producer.get("acks"));
    }

    @Test
    void realKafkaKeysStartingWithClientAreNotOldStyle() {
        assertFalse(KafkaClientKeys.isLegacyKey("client.id"));
        assertFalse(KafkaClientKeys.isLegacyKey("client.rack"));
        assertFalse(KafkaClientKeys.isLegacyKey("client.dns.lookup"));
        assertTrue(KafkaClientKeys.isLegacyKey("client.linger.ms"));
        assertTrue(KafkaClientKeys.isLegacyKey("client.client.id"));
        assertTrue(KafkaClientKeys.isLegacyKey("producer.linger.ms"));
        assertTrue(KafkaClientKeys.isLegacyKey("consumer.max.poll.records"));
        assertTrue(KafkaClientKeys.isLegacyKey("admin.request.timeout.ms"));
        assertFalse(KafkaClientKeys.isLegacyKey("linger.ms"));

        Map<Object, Object> config = apply(Map.of("client.id", "me", "client.rack", "r1"), "consumer", Set.of("client.id"));
        assertEquals("me", config.get("client.id"));
        assertEquals("r1", config.get("client.rack"));
    }

    @Test
    void theReplacementIsNamedAsVariableAndProperty() {
        assertEquals("KAFKA_PRODUCERS_DEFAULT_LINGER_MS (kafka.producers.default.linger.ms)",
                KafkaClientKeys.replacement("producer", "linger.ms"));
        assertEquals("KAFKA_CONSUMERS_DEFAULT_MAX_POLL_RECORDS (kafka.consumers.default.max.poll.records)",
                KafkaClientKeys.replacement("consumer", "max.poll.records"));
        assertEquals("KAFKA_SECURITY_PROTOCOL (kafka.security.protocol)",
                KafkaClientKeys.replacement("client", "security.protocol"));
        assertEquals("KAFKA_REQUEST_TIMEOUT_MS (kafka.request.timeout.ms)",
                KafkaClientKeys.replacement("admin", "request.timeout.ms"));
    }
}
