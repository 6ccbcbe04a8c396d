package io.kafkarest.kafka;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Kafka client settings of a service, as Confluent's proxy takes them: {@code kafka.bootstrap.servers}
 * (env {@code KAFKA_BOOTSTRAP_SERVERS}; else {@code kafka.client.bootstrap.servers}; else {@code localhost:9092}),
 * then raw client keys passed through from {@code kafka.client.*} (every client), {@code kafka.producer.*},
 * {@code kafka.consumer.*} and {@code kafka.admin.*}; a kind's own key wins over {@code kafka.client.*}. From the
 * environment, {@code KAFKA_PRODUCER_LINGER_MS=5} becomes the producer setting {@code linger.ms=5}.
 */
@Singleton
public class KafkaClientSettings {
    public static final String PREFIX = "kafka";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    private final String bootstrapServers;
    private final Map<String, Map<String, String>> byKind = new HashMap<>();

    @Inject
    public KafkaClientSettings(Environment environment) {
        this(environment, rawSection(environment, "client"));
    }

    private KafkaClientSettings(Environment environment, Map<String, String> client) {
        this(environment.getProperty(PREFIX + ".bootstrap.servers", String.class)
                        .or(() -> environment.getProperty(PREFIX + ".bootstrap-servers", String.class))
                        .or(() -> Optional.ofNullable(client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)))
                        .orElse(DEFAULT_BOOTSTRAP_SERVERS),
                client, rawSection(environment, "producer"),
                rawSection(environment, "consumer"), rawSection(environment, "admin"));
    }

    public KafkaClientSettings(String bootstrapServers, Map<String, String> client, Map<String, String> producer,
                               Map<String, String> consumer, Map<String, String> admin) {
        this.bootstrapServers = bootstrapServers;
        byKind.put("client", copy(client));
        byKind.put("producer", copy(producer));
        byKind.put("consumer", copy(consumer));
        byKind.put("admin", copy(admin));
    }

    private static Map<String, String> copy(Map<String, String> settings) {
        return settings == null ? Map.of() : new HashMap<>(settings);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Map<String, Object> producer() {
        return merged("producer");
    }

    public Map<String, Object> consumer() {
        return merged("consumer");
    }

    public Map<String, Object> admin() {
        return merged("admin");
    }

    /** Settings every client shares: bootstrap servers and {@code kafka.client.*}. */
    public Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(byKind.get("client"));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    private Map<String, Object> merged(String kind) {
        Map<String, Object> props = common();
        props.putAll(byKind.get(kind));
        return props;
    }

    /**
     * The keys under {@code kafka.<kind>} exactly as written (dots kept). Micronaut also offers each environment
     * variable with dashes in place of some underscores; Kafka keys never contain dashes, so those are skipped.
     */
    static Map<String, String> rawSection(Environment environment, String kind) {
        Map<String, Object> raw = environment.getProperties(PREFIX + "." + kind, StringConvention.RAW);
        Map<String, String> section = new TreeMap<>();
        raw.forEach((key, value) -> {
            if (!key.contains("-") && value != null) {
                section.put(key, value.toString());
            }
        });
        return section;
    }
}
