package io.kafkarest.connect.kafka;

import io.kafkarest.kafka.KafkaClientKeys;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;

/**
 * The worker properties of the embedded Connect worker, as a {@code connect-distributed.properties} file would hold
 * them. Later layers win: defaults, then the Kafka client settings every client of the service shares
 * (micronaut-kafka's {@code kafka.*}: {@code kafka.bootstrap.servers} and raw keys such as
 * {@code kafka.security.protocol}, with the deprecated {@code kafka.client.*} but without the Admin client's
 * deprecated {@code kafka.admin.*}, see {@link KafkaClientKeys#forEveryClient}; Connect's runtime builds its own
 * producers, consumers and admin clients from the worker properties), then {@link ConnectSettings}, then raw worker
 * keys from {@code connect.worker.*} (from the environment, {@code CONNECT_WORKER_OFFSET_FLUSH_INTERVAL_MS=5000}
 * becomes {@code offset.flush.interval.ms=5000}).
 */
@Singleton
public class WorkerProperties {
    public static final String RAW_PREFIX = "connect.worker";

    static final Map<String, String> DEFAULTS = Map.of(
            WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, JsonConverter.class.getName(),
            WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, JsonConverter.class.getName(),
            WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000",
            // ServiceLoader discovery: classpath scanning costs seconds and hundreds of MB
            WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");

    private static final String METRIC_REPORTERS = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    private static final List<String> CLIENT_PREFIXES = List.of("", "producer.", "consumer.", "admin.");

    private final Map<String, String> properties;

    public WorkerProperties(ConnectSettings settings, KafkaDefaultConfiguration kafka, KafkaClientKeys keys,
                            Environment environment) {
        this.properties = build(settings, Utils.propsToMap(keys.forEveryClient(kafka)), rawWorkerSection(environment));
    }

    /** An unmodifiable copy of the worker properties. */
    public Map<String, String> asMap() {
        return properties;
    }

    static Map<String, String> build(ConnectSettings settings, Map<String, Object> kafkaCommon,
                                     Map<String, String> rawWorker) {
        Map<String, String> props = new TreeMap<>(DEFAULTS);
        kafkaCommon.forEach((key, value) -> {
            if (value != null) {
                props.put(key, String.valueOf(value));
            }
        });
        props.put(DistributedConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(DistributedConfig.CONFIG_TOPIC_CONFIG, settings.configStorageTopic());
        props.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, settings.offsetStorageTopic());
        props.put(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, settings.statusStorageTopic());
        String replication = String.valueOf(settings.replicationFactor());
        props.put(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, replication);
        props.put(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, replication);
        props.put(DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, replication);
        settings.pluginPathIfSet().ifPresent(path -> props.put(WorkerConfig.PLUGIN_PATH_CONFIG, path));
        props.putAll(rawWorker);
        addClientMeters(props);
        return Collections.unmodifiableMap(props);
    }

    /**
     * Adds {@link ConnectClientMeters} to the metric reporters of the worker (its own Connect metrics and, as Connect
     * builds them from the unprefixed worker properties, its internal clients and the tasks' admin clients) and of the
     * tasks' producers, consumers and admin clients (which take {@code producer.}, {@code consumer.} and
     * {@code admin.}-prefixed keys). Reporters already listed stay, Kafka's default {@code JmxReporter} included.
     */
    static void addClientMeters(Map<String, String> props) {
        String worker = props.getOrDefault(METRIC_REPORTERS, JmxReporter.class.getName());
        for (String prefix : CLIENT_PREFIXES) {
            String reporters = props.getOrDefault(prefix + METRIC_REPORTERS, worker).strip();
            String meters = ConnectClientMeters.class.getName();
            if (!List.of(reporters.split("\\s*,\\s*")).contains(meters)) {
                props.put(prefix + METRIC_REPORTERS, reporters.isEmpty() ? meters : reporters + "," + meters);
            }
        }
    }

    /**
     * The keys under {@code connect.worker} exactly as written. Micronaut also offers each environment variable with
     * dashes in place of some underscores; worker keys never contain dashes, so those variants are skipped.
     */
    static Map<String, String> rawWorkerSection(Environment environment) {
        Map<String, Object> raw = environment.getProperties(RAW_PREFIX, StringConvention.RAW);
        Map<String, String> section = new HashMap<>();
        raw.forEach((key, value) -> {
            if (!key.contains("-") && value != null) {
                section.put(key, value.toString());
            }
        });
        return section;
    }
}
