package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v3 configs of topics, brokers and the cluster-wide broker defaults. Broker settings changed here are harmless
 * to the other tests on the shared broker and are reset at the end of each test.
 */
@MicronautTest
class ConfigsV3Test extends AdminServiceTest {
    private int broker;

    @BeforeAll
    void findBroker() throws Exception {
        broker = admin.describeCluster().nodes().get().iterator().next().id();
    }

    @Test
    void listsAndGetsATopicsConfigs() throws Exception {
        String topic = createTopic(1, Map.of("retention.ms", "123456"));
        TestHttp.Reply list = http().get(v3("/topics/" + topic + "/configs")).expect(200);
        assertEquals("KafkaTopicConfigList", list.at("kind"));
        assertEquals(v3Url("/topics/" + topic + "/configs"), list.at("metadata", "self"));
        Map<String, Object> retention = byName(list.data(), "retention.ms");
        assertEquals("KafkaTopicConfig", retention.get("kind"));
        assertEquals(clusterId, retention.get("cluster_id"));
        assertEquals(topic, retention.get("topic_name"));
        assertEquals("123456", retention.get("value"));
        assertEquals(false, retention.get("is_default"));
        assertEquals(false, retention.get("is_read_only"));
        assertEquals(false, retention.get("is_sensitive"));
        assertEquals("DYNAMIC_TOPIC_CONFIG", retention.get("source"));
        assertEquals(Map.of("name", "retention.ms", "value", "123456", "source", "DYNAMIC_TOPIC_CONFIG"),
                TestHttp.maps(retention.get("synonyms")).get(0));
        assertEquals(v3Url("/topics/" + topic + "/configs/retention.ms"), TestHttp.at(retention, "metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId + "/topic=" + topic + "/config=retention.ms",
                TestHttp.at(retention, "metadata", "resource_name"));
        assertFalse(retention.containsKey("broker_id"));
        Map<String, Object> compact = byName(list.data(), "min.compaction.lag.ms");
        assertEquals(true, compact.get("is_default"), compact.toString());
        assertEquals("DEFAULT_CONFIG", compact.get("source"));

        assertEquals(retention, http().get(v3("/topics/" + topic + "/configs/retention.ms")).expect(200).map());
        http().get(v3("/topics/" + topic + "/configs/no.such.config")).expectError(404, 404);
        http().get(v3("/topics/no-such-topic/configs")).expectError(404, 40401);
        http().get(v3("/topics/no-such-topic/configs/retention.ms")).expectError(404, 40401);
    }

    @Test
    void setsAndResetsATopicConfig() throws Exception {
        String topic = createTopic(1);
        String config = v3("/topics/" + topic + "/configs/retention.ms");
        http().put(config, "{\"value\":\"7777\"}").expect(204);
        eventually("retention.ms set", () -> {
            assertEquals("7777", topicConfig(topic, "retention.ms").value());
            assertEquals("7777", http().get(config).expect(200).at("value"));
        });

        http().delete(config).expect(204);
        eventually("retention.ms reset", () ->
                assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, topicConfig(topic, "retention.ms").source()));

        assertTrue(http().put(config, "{}").expectError(400, 400).message().contains("value"));
        http().put(config, "{\"value\":\"not-a-number\"}").expectError(400, 40002);
        http().put(v3("/topics/" + topic + "/configs/no.such.config"), "{\"value\":\"1\"}").expectError(404, 404);
        http().delete(v3("/topics/" + topic + "/configs/no.such.config")).expectError(404, 404);
        http().put(v3("/topics/no-such-topic/configs/retention.ms"), "{\"value\":\"1\"}").expectError(404, 40401);
        assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, topicConfig(topic, "retention.ms").source(),
                "no failed request changed anything");
    }

    @Test
    void altersATopicsConfigsInOneBatch() throws Exception {
        String topic = createTopic(1, Map.of("retention.ms", "5000"));
        String alter = v3("/topics/" + topic + "/configs:alter");
        http().post(alter, """
                {"data":[{"name":"cleanup.policy","value":"compact"},{"name":"retention.ms","operation":"DELETE"}],
                 "validate_only":true}""").expect(204);
        assertEquals("5000", topicConfig(topic, "retention.ms").value(), "validate_only changes nothing");
        assertEquals("delete", topicConfig(topic, "cleanup.policy").value());

        http().post(alter, """
                {"data":[{"name":"cleanup.policy","value":"compact"},{"name":"retention.ms","operation":"DELETE"}]}""")
                .expect(204);
        eventually("both changes applied", () -> {
            assertEquals("compact", topicConfig(topic, "cleanup.policy").value());
            assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, topicConfig(topic, "retention.ms").source());
        });

        assertTrue(http().post(alter, "{\"data\":[]}").expectError(400, 400).message().contains("data"));
        assertTrue(http().post(alter, "{\"data\":[{\"value\":\"1\"}]}").expectError(400, 400).message()
                .contains("data[0].name"));
        assertTrue(http().post(alter, "{\"data\":[{\"name\":\"retention.ms\",\"operation\":\"ADD\"}]}")
                .expectError(400, 400).message().contains("operation"));
        http().post(alter, "{\"data\":[{\"name\":\"no.such.config\",\"value\":\"1\"}]}").expectError(404, 404);
        http().post(v3("/topics/no-such-topic/configs:alter"), "{\"data\":[{\"name\":\"retention.ms\",\"value\":\"1\"}]}")
                .expectError(404, 40401);
    }

    @Test
    void listsEveryTopicsConfigs() throws Exception {
        String first = createTopic(1, Map.of("retention.ms", "1111"));
        String second = createTopic(1, Map.of("retention.ms", "2222"));
        TestHttp.Reply all = http().get(v3("/topics/-/configs")).expect(200);
        assertEquals("KafkaTopicConfigList", all.at("kind"));
        assertEquals(v3Url("/topics/-/configs"), all.at("metadata", "self"));
        for (String[] expected : List.of(new String[] {first, "1111"}, new String[] {second, "2222"})) {
            Map<String, Object> retention = all.data().stream()
                    .filter(c -> expected[0].equals(c.get("topic_name")) && "retention.ms".equals(c.get("name")))
                    .findFirst().orElseThrow();
            assertEquals(expected[1], retention.get("value"));
        }
    }

    @Test
    void altersManyTopicsAndReportsTheOnesThatFailed() throws Exception {
        String first = createTopic(1);
        String second = createTopic(1);
        http().post(v3("/topics/-/configs:alter"), "{\"data\":["
                + "{\"topic_name\":\"" + first + "\",\"configs\":[{\"name\":\"retention.ms\",\"value\":\"3333\"}]},"
                + "{\"topic_name\":\"" + second + "\",\"configs\":[{\"name\":\"retention.ms\",\"value\":\"4444\"}]}]}")
                .expect(204);
        eventually("both topics changed", () -> {
            assertEquals("3333", topicConfig(first, "retention.ms").value());
            assertEquals("4444", topicConfig(second, "retention.ms").value());
        });

        TestHttp.Reply partial = http().post(v3("/topics/-/configs:alter"), "{\"data\":["
                + "{\"topic_name\":\"" + first + "\",\"configs\":[{\"name\":\"retention.ms\",\"operation\":\"DELETE\"}]},"
                + "{\"topic_name\":\"" + second + "\",\"configs\":[{\"name\":\"retention.ms\",\"value\":\"soon\"}]},"
                + "{\"topic_name\":\"no-such-topic\",\"configs\":[{\"name\":\"retention.ms\",\"value\":\"1\"}]}]}")
                .expect(207);
        List<Map<String, Object>> failures = TestHttp.maps(partial.map().get("failures"));
        assertEquals(2, failures.size(), partial.body());
        assertEquals(second, failures.get(0).get("topic_name"));
        assertEquals(40002, failures.get(0).get("error_code"));
        assertEquals("no-such-topic", failures.get(1).get("topic_name"));
        assertEquals(40401, failures.get(1).get("error_code"));
        assertTrue(String.valueOf(failures.get(1).get("message")).contains("no-such-topic"));
        eventually("the topic that could be changed was changed", () -> assertEquals(
                ConfigEntry.ConfigSource.DEFAULT_CONFIG, topicConfig(first, "retention.ms").source()));
        assertEquals("4444", topicConfig(second, "retention.ms").value());

        http().post(v3("/topics/-/configs:alter"), "{\"data\":[{\"configs\":[]}]}").expectError(400, 400);
        http().post(v3("/topics/-/configs:alter"), "{\"data\":[]}").expectError(400, 400);
    }

    @Test
    void listsGetsSetsAndResetsBrokerConfigs() throws Exception {
        TestHttp.Reply list = http().get(v3("/brokers/" + broker + "/configs")).expect(200);
        assertEquals("KafkaBrokerConfigList", list.at("kind"));
        assertEquals(v3Url("/brokers/" + broker + "/configs"), list.at("metadata", "self"));
        Map<String, Object> brokerId = byName(list.data(), "node.id");
        assertEquals("KafkaBrokerConfig", brokerId.get("kind"));
        assertEquals(broker, brokerId.get("broker_id"));
        assertEquals(true, brokerId.get("is_read_only"));
        assertEquals("crn:///kafka=" + clusterId + "/broker=" + broker + "/config=node.id",
                TestHttp.at(brokerId, "metadata", "resource_name"));
        assertFalse(brokerId.containsKey("topic_name"));

        String config = v3("/brokers/" + broker + "/configs/max.connections");
        try {
            http().put(config, "{\"value\":\"100000\"}").expect(204);
            eventually("max.connections set", () -> {
                Map<String, Object> set = http().get(config).expect(200).map();
                assertEquals("100000", set.get("value"));
                assertEquals("DYNAMIC_BROKER_CONFIG", set.get("source"));
                assertEquals(List.of("DYNAMIC_BROKER_CONFIG", "DEFAULT_CONFIG"),
                        TestHttp.maps(set.get("synonyms")).stream().map(s -> s.get("source")).toList());
            });
            http().delete(config).expect(204);
            eventually("max.connections reset", () ->
                    assertNotEquals("DYNAMIC_BROKER_CONFIG", http().get(config).expect(200).at("source")));

            http().post(v3("/brokers/" + broker + "/configs:alter"),
                    "{\"data\":[{\"name\":\"max.connections\",\"value\":\"90000\"}],\"validate_only\":true}").expect(204);
            assertNotEquals("90000", brokerConfig("max.connections").value(), "validate_only changes nothing");
            http().post(v3("/brokers/" + broker + "/configs:alter"),
                    "{\"data\":[{\"name\":\"max.connections\",\"value\":\"90000\"}]}").expect(204);
            eventually("max.connections altered", () -> assertEquals("90000", brokerConfig("max.connections").value()));
            http().post(v3("/brokers/" + broker + "/configs:alter"),
                    "{\"data\":[{\"name\":\"max.connections\",\"operation\":\"DELETE\"}]}").expect(204);
            eventually("max.connections deleted", () ->
                    assertNotEquals("90000", brokerConfig("max.connections").value()));
        } finally {
            http().delete(config);
        }

        http().put(v3("/brokers/" + broker + "/configs/node.id"), "{\"value\":\"77\"}").expectError(400, 40002);
        http().get(v3("/brokers/" + broker + "/configs/no.such.config")).expectError(404, 404);
        http().put(v3("/brokers/" + broker + "/configs/no.such.config"), "{\"value\":\"1\"}").expectError(404, 404);
        http().get(v3("/brokers/4242/configs")).expectError(404, 404);
        http().get(v3("/brokers/4242/configs/max.connections")).expectError(404, 404);
        http().put(v3("/brokers/4242/configs/max.connections"), "{\"value\":\"1\"}").expectError(404, 404);
    }

    @Test
    void listsEveryBrokersConfigs() {
        TestHttp.Reply all = http().get(v3("/brokers/-/configs")).expect(200);
        assertEquals("KafkaBrokerConfigList", all.at("kind"));
        assertEquals(v3Url("/brokers/-/configs"), all.at("metadata", "self"));
        assertTrue(all.data().stream().anyMatch(c -> "node.id".equals(c.get("name")) && broker == (int) c.get("broker_id")),
                "each broker's configs, with its id");
    }

    @Test
    void listsGetsSetsAndResetsClusterWideBrokerConfigs() throws Exception {
        String config = v3("/broker-configs/message.max.bytes");
        try {
            http().put(config, "{\"value\":\"2000000\"}").expect(204);
            eventually("message.max.bytes set", () -> http().get(config).expect(200));
            TestHttp.Reply list = http().get(v3("/broker-configs")).expect(200);
            assertEquals("KafkaClusterConfigList", list.at("kind"));
            assertEquals(v3Url("/broker-configs"), list.at("metadata", "self"));
            Map<String, Object> set = byName(list.data(), "message.max.bytes");
            assertEquals("KafkaClusterConfig", set.get("kind"));
            assertEquals("BROKER", set.get("config_type"));
            assertEquals("2000000", set.get("value"));
            assertEquals("DYNAMIC_DEFAULT_BROKER_CONFIG", set.get("source"));
            assertEquals("crn:///kafka=" + clusterId + "/broker-config=message.max.bytes",
                    TestHttp.at(set, "metadata", "resource_name"));
            assertEquals(set, http().get(config).expect(200).map());
            assertEquals("2000000", clusterDefault("message.max.bytes"));

            http().delete(config).expect(204);
            eventually("message.max.bytes reset", () -> http().get(config).expectError(404, 404));

            http().post(v3("/broker-configs:alter"), "{\"data\":[{\"name\":\"message.max.bytes\",\"value\":\"3000000\"}],"
                    + "\"validate_only\":true}").expect(204);
            http().get(config).expectError(404, 404);
            http().post(v3("/broker-configs:alter"), "{\"data\":[{\"name\":\"message.max.bytes\",\"value\":\"3000000\"}]}")
                    .expect(204);
            eventually("message.max.bytes altered", () -> assertEquals("3000000", clusterDefault("message.max.bytes")));
            http().post(v3("/broker-configs:alter"), "{\"data\":[{\"name\":\"message.max.bytes\",\"operation\":\"DELETE\"}]}")
                    .expect(204);
            eventually("message.max.bytes deleted", () -> http().get(config).expectError(404, 404));
        } finally {
            http().delete(config);
        }
        http().put(v3("/broker-configs/message.max.bytes"), "{\"value\":\"lots\"}").expectError(400, 40002);
        http().put(v3("/broker-configs/message.max.bytes"), "{}").expectError(400, 400);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> configs, String name) {
        return configs.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + configs));
    }

    private ConfigEntry topicConfig(String topic, String name) throws Exception {
        return config(new ConfigResource(ConfigResource.Type.TOPIC, topic), name);
    }

    private ConfigEntry brokerConfig(String name) throws Exception {
        return config(new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(broker)), name);
    }

    private String clusterDefault(String name) throws Exception {
        ConfigEntry entry = config(new ConfigResource(ConfigResource.Type.BROKER, ""), name);
        return entry == null ? null : entry.value();
    }

    private ConfigEntry config(ConfigResource resource, String name) throws Exception {
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource).get(name);
    }
}
