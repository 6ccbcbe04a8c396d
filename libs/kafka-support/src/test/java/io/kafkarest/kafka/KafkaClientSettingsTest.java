package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Settings from Micronaut properties (the test JVM's own environment variables are left out). */
class KafkaClientSettingsTest {

    private static <T> T withSettings(Map<String, Object> properties, Function<KafkaClientSettings, T> f) {
        try (ApplicationContext context = ApplicationContext.builder()
                .environmentPropertySource(false)
                .propertySources(PropertySource.of("test", properties))
                .start()) {
            return f.apply(context.getBean(KafkaClientSettings.class));
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> map = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void settingsPerKindWithKindSpecificOverClient() {
        Map<String, Object> properties = Map.of(
                "kafka.bootstrap.servers", "h:1",
                "kafka.client.security.protocol", "SSL",
                "kafka.client.client.dns.lookup", "use_all_dns_ips",
                "kafka.producer.linger.ms", "5",
                "kafka.producer.security.protocol", "SASL_SSL",
                "kafka.consumer.max.poll.records", "7",
                "kafka.admin.request.timeout.ms", "1234");
        withSettings(properties, settings -> {
            Map<String, Object> common = Map.of("bootstrap.servers", "h:1", "security.protocol", "SSL",
                    "client.dns.lookup", "use_all_dns_ips");
            assertEquals("h:1", settings.bootstrapServers());
            assertEquals(common, settings.common());
            assertEquals(with(common, "linger.ms", "5", "security.protocol", "SASL_SSL"), settings.producer());
            assertEquals(with(common, "max.poll.records", "7"), settings.consumer());
            assertEquals(with(common, "request.timeout.ms", "1234"), settings.admin());
            return null;
        });
    }

    @Test
    void bootstrapDefaultsToLocalhost() {
        withSettings(Map.of("kafka.producer.linger.ms", "5"), settings -> {
            assertEquals("localhost:9092", settings.bootstrapServers());
            assertEquals(Map.of("bootstrap.servers", "localhost:9092"), settings.common());
            assertEquals(Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "5"), settings.producer());
            assertEquals(Map.of("bootstrap.servers", "localhost:9092"), settings.admin());
            return null;
        });
    }

    @Test
    void yamlConfiguration() throws Exception {
        Map<String, Object> yaml;
        try (InputStream in = KafkaClientSettingsTest.class.getResourceAsStream("/kafka-settings-test.yml")) {
            yaml = new YamlPropertySourceLoader().read("kafka-settings-test", in);
        }
        withSettings(yaml, settings -> {
            assertEquals(Map.of("bootstrap.servers", "y:1", "security.protocol", "SSL", "linger.ms", "5", "acks", "all"),
                    settings.producer());
            assertEquals(Map.of("bootstrap.servers", "y:1", "security.protocol", "SSL", "max.poll.records", "7"),
                    settings.consumer());
            return null;
        });
    }

    @Test
    void kebabCaseBootstrapIsAccepted() {
        withSettings(Map.of("kafka.bootstrap-servers", "k:1"),
                settings -> {
                    assertEquals("k:1", settings.bootstrapServers());
                    return null;
                });
    }

    @Test
    void clientBootstrapIsUsedWhenNoTopLevelBootstrapIsSet() {
        withSettings(Map.of("kafka.client.bootstrap.servers", "c:1"), settings -> {
            assertEquals("c:1", settings.bootstrapServers());
            assertEquals(Map.of("bootstrap.servers", "c:1"), settings.common());
            return null;
        });
        withSettings(Map.of("kafka.bootstrap.servers", "top:1", "kafka.client.bootstrap.servers", "c:1"), settings -> {
            assertEquals("top:1", settings.common().get("bootstrap.servers"));
            return null;
        });
    }

    @Test
    void everyCallReturnsAFreshMutableMap() {
        KafkaClientSettings settings = new KafkaClientSettings("b:1", Map.of("security.protocol", "SSL"),
                Map.of("linger.ms", "5"), Map.of(), Map.of());
        Map<String, Object> producer = settings.producer();
        producer.put("client.id", "changed");
        producer.put("security.protocol", "PLAINTEXT");
        assertFalse(settings.producer().containsKey("client.id"));
        assertEquals("SSL", settings.producer().get("security.protocol"));
        settings.common().put("x", "y");
        assertFalse(settings.common().containsKey("x"));
    }

    @Test
    void directConstructor() {
        KafkaClientSettings settings = new KafkaClientSettings("b:1", Map.of("security.protocol", "SSL"),
                Map.of("linger.ms", "5"), Map.of("security.protocol", "SASL_SSL"), Map.of("retries", "3"));
        assertEquals(Map.of("bootstrap.servers", "b:1", "security.protocol", "SSL", "linger.ms", "5"), settings.producer());
        assertEquals(Map.of("bootstrap.servers", "b:1", "security.protocol", "SASL_SSL"), settings.consumer());
        assertEquals(Map.of("bootstrap.servers", "b:1", "security.protocol", "SSL", "retries", "3"), settings.admin());
    }
}
