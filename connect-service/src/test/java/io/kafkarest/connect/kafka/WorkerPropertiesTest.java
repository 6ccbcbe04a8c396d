package io.kafkarest.connect.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPropertiesTest {

    private static final ConnectSettings DEFAULTS =
            new ConnectSettings("connect-cluster", "connect-configs", "connect-offsets", "connect-status", (short) 1, null, null);

    @Test
    void defaultsMakeACompleteDistributedWorkerConfig() {
        Map<String, String> props = WorkerProperties.build(DEFAULTS, Map.of("bootstrap.servers", "k1:9092"), Map.of());

        assertEquals("k1:9092", props.get("bootstrap.servers"));
        assertEquals("connect-cluster", props.get("group.id"));
        assertEquals("connect-configs", props.get("config.storage.topic"));
        assertEquals("connect-offsets", props.get("offset.storage.topic"));
        assertEquals("connect-status", props.get("status.storage.topic"));
        assertEquals("1", props.get("config.storage.replication.factor"));
        assertEquals("1", props.get("offset.storage.replication.factor"));
        assertEquals("1", props.get("status.storage.replication.factor"));
        assertEquals("org.apache.kafka.connect.json.JsonConverter", props.get("key.converter"));
        assertEquals("org.apache.kafka.connect.json.JsonConverter", props.get("value.converter"));
        assertEquals("1000", props.get("offset.flush.interval.ms"));
        assertEquals("service_load", props.get("plugin.discovery"));
        assertFalse(props.containsKey("plugin.path"));
        String reporters = "org.apache.kafka.common.metrics.JmxReporter," + ConnectClientMeters.class.getName();
        for (String key : new String[] {"metric.reporters", "producer.metric.reporters", "consumer.metric.reporters",
                "admin.metric.reporters"}) {
            assertEquals(reporters, props.get(key), key);
        }
        // Connect's own parser accepts it
        new org.apache.kafka.connect.runtime.distributed.DistributedConfig(props);
    }

    @Test
    void namedSettingsBeatClientSettingsAndRawWorkerKeysBeatEverything() {
        ConnectSettings settings = new ConnectSettings("g1", "c1", "o1", "s1", (short) 3, "http://w1:8084", "/opt/connect-plugins");
        Map<String, String> props = WorkerProperties.build(settings,
                Map.of("bootstrap.servers", "k1:9092", "security.protocol", "SSL", "group.id", "from-client"),
                Map.of("offset.flush.interval.ms", "60000", "status.storage.partitions", "2",
                        "value.converter", "org.apache.kafka.connect.storage.StringConverter"));

        assertEquals("g1", props.get("group.id"));
        assertEquals("c1", props.get("config.storage.topic"));
        assertEquals("o1", props.get("offset.storage.topic"));
        assertEquals("s1", props.get("status.storage.topic"));
        assertEquals("3", props.get("config.storage.replication.factor"));
        assertEquals("3", props.get("offset.storage.replication.factor"));
        assertEquals("3", props.get("status.storage.replication.factor"));
        assertEquals("SSL", props.get("security.protocol"));
        assertEquals("60000", props.get("offset.flush.interval.ms"));
        assertEquals("2", props.get("status.storage.partitions"));
        assertEquals("/opt/connect-plugins", props.get("plugin.path"));
        assertEquals("org.apache.kafka.connect.storage.StringConverter", props.get("value.converter"));
    }

    @Test
    void clientMetersJoinTheReportersAlreadyListed() {
        String meters = ConnectClientMeters.class.getName();
        Map<String, String> props = WorkerProperties.build(DEFAULTS, Map.of("bootstrap.servers", "k1:9092"),
                Map.of("metric.reporters", "a.Reporter", "consumer.metric.reporters", "",
                        "admin.metric.reporters", "b.Reporter, " + meters));

        assertEquals("a.Reporter," + meters, props.get("metric.reporters"));
        assertEquals("a.Reporter," + meters, props.get("producer.metric.reporters"));
        assertEquals(meters, props.get("consumer.metric.reporters"));
        assertEquals("b.Reporter, " + meters, props.get("admin.metric.reporters"));
    }

    @Test
    void readsSettingsAndRawWorkerKeysFromTheEnvironment() {
        try (ApplicationContext context = ApplicationContext.run(Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", "k9:9092"),
                Map.entry("kafka.client.dns.lookup", "use_all_dns_ips"),
                Map.entry("kafka.client.security.protocol", "SSL"),
                Map.entry("kafka.admin.request.timeout.ms", "5000"),
                Map.entry("kafka.producer.linger.ms", "5"),
                Map.entry("kafka.health-timeout", "3s"),
                Map.entry("connect.group-id", "env-group"),
                Map.entry("connect.replication-factor", "2"),
                Map.entry("connect.plugin-path", "/p1,/p2"),
                Map.entry("connect.worker.offset.storage.partitions", "3"),
                Map.entry("connect.worker.offset-storage.partitions", "ignored: dashed variant")))) {
            Map<String, String> props = context.getBean(WorkerProperties.class).asMap();

            assertEquals("k9:9092", props.get("bootstrap.servers"));
            assertEquals("use_all_dns_ips", props.get("client.dns.lookup"));
            assertEquals("SSL", props.get("security.protocol"), "deprecated kafka.client.* reaches every client");
            assertFalse(props.containsKey("request.timeout.ms"), "deprecated kafka.admin.* is the Admin client's only");
            assertFalse(props.containsKey("linger.ms"), props.toString());
            assertFalse(props.containsKey("producer.linger.ms"), "would be the worker's setting for its tasks' producers");
            assertFalse(props.containsKey("admin.request.timeout.ms"), props.toString());
            assertEquals("5000", context.getBean(KafkaDefaultConfiguration.class).getConfig().get("request.timeout.ms"),
                    "the Admin client's configuration");
            assertEquals("env-group", props.get("group.id"));
            assertEquals("connect-configs", props.get("config.storage.topic"));
            assertEquals("2", props.get("status.storage.replication.factor"));
            assertEquals("3", props.get("offset.storage.partitions"));
            assertEquals("/p1,/p2", props.get("plugin.path"));
            assertFalse(props.keySet().stream().anyMatch(k -> k.contains("-")), props.toString());
        }
    }
}
