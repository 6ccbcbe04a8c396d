package io.kafkarest.kafka;

import io.micronaut.configuration.kafka.config.AbstractKafkaConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves only Kafka client keys in every micronaut-kafka configuration ({@code kafka.*}: every client and the Admin
 * bean; {@code kafka.producers.default.*}; {@code kafka.consumers.default.*}) before a client is built from it.
 * micronaut-kafka passes everything under {@code kafka} through, and that brings keys Kafka does not know: the
 * variants Micronaut derives from each environment variable ({@code KAFKA_LINGER_MS} is also offered as
 * {@code linger-ms}; Kafka's keys never hold a dash) and micronaut-kafka's own settings
 * ({@code kafka.enabled}, {@code kafka.health.*}, {@code kafka.health-timeout}).
 *
 * <p>It also keeps the settings named before micronaut-kafka working (deprecated, one warning per key):
 * {@code kafka.client.*} ({@code KAFKA_CLIENT_<KEY>}) for every client, {@code kafka.producer.*} for the producers,
 * {@code kafka.consumer.*} for the consumers and {@code kafka.admin.*} for the Admin client only, which micronaut-kafka
 * builds from {@code kafka.*} ({@link io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration}): the
 * producer and consumer configurations, copied from it, lose those again, and {@link #forEveryClient} leaves them
 * out for other clients built from {@code kafka.*} (connect-service's worker). A kind's old key wins over
 * {@code kafka.client.*}; any current setting of the same key ({@code kafka.*}, {@code kafka.producers.default.*},
 * {@code kafka.consumers.default.*}) wins over both. {@code kafka.client.id} (and every other real Kafka key that
 * starts with {@code client.}) is not an old-style setting.
 */
@Singleton
public class KafkaClientKeys implements BeanCreatedEventListener<AbstractKafkaConfiguration<?, ?>> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientKeys.class);
    /** Old-style section -> the current prefix of the same settings. */
    static final Map<String, String> LEGACY_SECTIONS = Map.of("client", "kafka", "producer", "kafka.producers.default",
            "consumer", "kafka.consumers.default", "admin", "kafka");
    private static final Set<String> KAFKA_KEYS = new HashSet<>(ProducerConfig.configNames());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    static {
        KAFKA_KEYS.addAll(ConsumerConfig.configNames());
        KAFKA_KEYS.addAll(AdminClientConfig.configNames());
    }

    private final Environment environment;

    public KafkaClientKeys(Environment environment) {
        this.environment = environment;
    }

    @Override
    public AbstractKafkaConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConfiguration<?, ?>> event) {
        AbstractKafkaConfiguration<?, ?> configuration = event.getBean();
        String kind = configuration instanceof AbstractKafkaProducerConfiguration ? "producer"
                : configuration instanceof AbstractKafkaConsumerConfiguration ? "consumer" : "admin";
        apply(configuration.getConfig(), kind);
        return configuration;
    }

    /**
     * The settings of {@code kafka.*} for a client that is not the Admin client (no {@code kafka.admin.*}): what
     * connect-service's worker takes from micronaut-kafka's default configuration.
     */
    public Properties forEveryClient(AbstractKafkaConfiguration<?, ?> defaultConfiguration) {
        Properties config = new Properties();
        config.putAll(defaultConfiguration.getConfig());
        apply(config, "client");
        return config;
    }

    private void apply(Properties config, String kind) {
        Map<String, Map<String, String>> legacy = new HashMap<>();
        LEGACY_SECTIONS.keySet().forEach(section -> legacy.put(section, section("kafka." + section)));
        legacy.get("client").keySet().removeIf(key -> KAFKA_KEYS.contains("client." + key));
        legacy.forEach((section, settings) -> settings.keySet().forEach(key -> warnOnce(section, key)));
        Set<String> current = new HashSet<>(section("kafka").keySet());
        if (!kind.equals("admin") && !kind.equals("client")) {
            current.addAll(section(LEGACY_SECTIONS.get(kind)).keySet());
        }
        apply(config, kind, current, legacy);
    }

    /**
     * Removes what is not a Kafka key from {@code config}, a configuration of a client of {@code kind}
     * ({@code producer}, {@code consumer}, {@code admin}, or {@code client}: any other client), and puts in the
     * old-style settings {@code legacy} (section -> key -> value; {@code client} without real Kafka keys) for keys
     * {@code current} (the current settings' keys for that client) does not hold.
     */
    static void apply(Properties config, String kind, Set<String> current, Map<String, Map<String, String>> legacy) {
        config.keySet().removeIf(key -> !isKafkaKey(key.toString()) || isLegacyKey(key.toString()));
        // the Admin client's come along from kafka.* into every other configuration
        legacy.getOrDefault("admin", Map.of()).keySet().forEach(key -> {
            if (!current.contains(key)) {
                config.remove(key);
            }
        });
        Map<String, String> settings = new TreeMap<>(legacy.getOrDefault("client", Map.of()));
        settings.putAll(legacy.getOrDefault(kind, Map.of()));
        settings.forEach((key, value) -> {
            if (!current.contains(key)) {
                config.put(key, value);
            }
        });
    }

    static boolean isKafkaKey(String key) {
        return !key.contains("-") && !key.equals("enabled") && !key.startsWith("health.");
    }

    /** A key of an old-style section, as micronaut-kafka passes it through from {@code kafka.*}. */
    static boolean isLegacyKey(String key) {
        return key.startsWith("producer.") || key.startsWith("consumer.") || key.startsWith("admin.")
                || (key.startsWith("client.") && !KAFKA_KEYS.contains(key));
    }

    /** The variable and property to use instead of {@code kafka.<section>.<key>}. */
    static String replacement(String section, String key) {
        String property = LEGACY_SECTIONS.get(section) + "." + key;
        return variable(property) + " (" + property + ")";
    }

    private static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void warnOnce(String section, String key) {
        String property = "kafka." + section + "." + key;
        if (WARNED.add(property)) {
            LOG.warn("{} ({}) is deprecated: use {}", variable(property), property, replacement(section, key));
        }
    }

    /** The keys under {@code prefix} as written, without Micronaut's dashed variants. */
    private Map<String, String> section(String prefix) {
        Map<String, String> section = new HashMap<>();
        environment.getProperties(prefix, StringConvention.RAW).forEach((key, value) -> {
            if (!key.contains("-") && value != null) {
                section.put(key, value.toString());
            }
        });
        return section;
    }
}
