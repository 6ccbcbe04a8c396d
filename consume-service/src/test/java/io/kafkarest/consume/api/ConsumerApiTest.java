package io.kafkarest.consume.api;

import static io.kafkarest.consume.api.ConsumerHttp.BINARY_V2;
import static io.kafkarest.consume.api.ConsumerHttp.JSON_V2;
import static io.kafkarest.consume.api.ConsumerHttp.V1;
import static io.kafkarest.consume.api.ConsumerHttp.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerApiTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;

    private ConsumerHttp http;
    private TestTopics kafka;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @BeforeAll
    void setUp() {
        http = new ConsumerHttp(server.getURI());
        kafka = new TestTopics();
    }

    @AfterAll
    void tearDown() {
        kafka.close();
    }

    @Test
    void createAnswersInstanceIdAndBaseUriNamingThisNode() {
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply reply = http.post("/consumers/" + group, "{\"name\":\"c1\",\"format\":\"binary\"}");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(V2, reply.contentType());
        assertEquals("c1", reply.map().get("instance_id"));
        String baseUri = (String) reply.map().get("base_uri");
        assertTrue(baseUri.startsWith("http://"), baseUri);
        assertTrue(baseUri.endsWith(":" + server.getPort() + "/consumers/" + group + "/instances/c1"), baseUri);
    }

    @Test
    void createWithoutNameGeneratesAnId() {
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply reply = http.send("POST", "/consumers/" + group, V2, V2, null);

        assertEquals(200, reply.status(), reply.toString());
        String id = (String) reply.map().get("instance_id");
        assertTrue(id.startsWith("rest-consumer-"), id);
        assertTrue(((String) reply.map().get("base_uri")).endsWith("/consumers/" + group + "/instances/" + id));
    }

    @Test
    void duplicateInstanceIs409() {
        String group = ConsumerHttp.unique("g");
        assertEquals(200, http.post("/consumers/" + group, "{\"name\":\"dup\"}").status());

        TestHttp.Reply again = http.post("/consumers/" + group, "{\"name\":\"dup\"}");
        assertEquals(409, again.status(), again.toString());
        assertEquals(40902, again.errorCode());
    }

    @Test
    void unknownCreateFieldsAre42204NamingTheField() {
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply reply = http.post("/consumers/" + group,
                "{\"name\":\"x\",\"format\":\"binary\",\"auto.offset.rest\":\"earliest\"}");

        assertEquals(422, reply.status(), reply.toString());
        assertEquals(42204, reply.errorCode());
        assertTrue(((String) reply.map().get("message")).contains("'auto.offset.rest'"), reply.toString());
        assertEquals(40403, http.get("/consumers/" + group + "/instances/x/subscription", V2).errorCode(),
                "nothing was created");
    }

    @Test
    void invalidSettingsAre42204NamingTheSetting() {
        String group = ConsumerHttp.unique("g");
        Map<String, String> cases = Map.of(
                "{\"auto.offset.reset\":\"sometimes\"}", "auto.offset.reset",
                "{\"auto.commit.enable\":\"maybe\"}", "auto.commit.enable",
                "{\"format\":\"xml\"}", "format",
                "{\"fetch.min.bytes\":\"many\"}", "fetch.min.bytes",
                "{\"consumer.request.timeout.ms\":-5}", "consumer.request.timeout.ms");
        cases.forEach((body, field) -> {
            TestHttp.Reply reply = http.post("/consumers/" + group, body);
            assertEquals(422, reply.status(), body + " -> " + reply);
            assertEquals(42204, reply.errorCode());
            assertTrue(((String) reply.map().get("message")).contains(field), reply.toString());
        });
    }

    @Test
    void v1RejectsTheFormatsOnlyV2Has() {
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply reply = http.send("POST", "/consumers/" + group, V1, V1, "{\"format\":\"protobuf\"}");
        assertEquals(422, reply.status(), reply.toString());
        assertEquals(42204, reply.errorCode());
        assertTrue(((String) reply.map().get("message")).contains("protobuf"), reply.toString());
    }

    @Test
    void readsBinaryRecordsWithKeysPartitionsAndOffsets() {
        String topic = ConsumerHttp.unique("bin");
        kafka.create(topic, 2);
        RecordMetadata first = kafka.send(new ProducerRecord<>(topic, 0, "k0".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 1, 2, (byte) 255}, List.of(new RecordHeader("trace", new byte[] {7, (byte) 200}),
                        new RecordHeader("empty", null))));
        kafka.send(topic, 0, null, "v1".getBytes(StandardCharsets.UTF_8));
        kafka.send(topic, 1, "k2".getBytes(StandardCharsets.UTF_8), null);
        String base = http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}", topic);

        List<Map<String, Object>> records = http.readUntil(base, BINARY_V2, 3);

        assertEquals(3, records.size(), records.toString());
        Map<String, Map<String, Object>> byPosition = records.stream()
                .collect(Collectors.toMap(r -> r.get("partition") + "/" + r.get("offset"), r -> r));
        assertEquals(Set.of("0/0", "0/1", "1/0"), byPosition.keySet());
        assertBinary(byPosition.get("0/0"), topic, "k0".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2, (byte) 255});
        assertBinary(byPosition.get("0/1"), topic, null, "v1".getBytes(StandardCharsets.UTF_8));
        assertBinary(byPosition.get("1/0"), topic, "k2".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(first.timestamp(), ((Number) byPosition.get("0/0").get("timestamp")).longValue());
        Map<String, Object> emptyHeader = new HashMap<>();
        emptyHeader.put("key", "empty");
        emptyHeader.put("value", null);
        assertEquals(List.of(Map.of("key", "trace", "value", "B8g="), emptyHeader), byPosition.get("0/0").get("headers"));
        assertEquals(List.of(), byPosition.get("0/1").get("headers"));
    }

    @Test
    void readsJsonRecordsAsEmbeddedJson() {
        String topic = ConsumerHttp.unique("json");
        kafka.create(topic, 1);
        RecordMetadata first = kafka.send(topic, 0, null, "{\"name\":\"testUser\",\"n\":[1,2]}");
        kafka.send(topic, 0, "\"k\"", "42");
        String base = http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}", topic);

        List<Map<String, Object>> records = http.readUntil(base, JSON_V2, 2);

        assertEquals(2, records.size());
        assertEquals(Map.of("name", "testUser", "n", List.of(1, 2)), records.get(0).get("value"));
        assertTrue(records.get(0).containsKey("key"));
        assertNull(records.get(0).get("key"));
        assertEquals(0, ((Number) records.get(0).get("offset")).intValue());
        assertEquals("k", records.get(1).get("key"));
        assertEquals(42, ((Number) records.get(1).get("value")).intValue());
        assertEquals(topic, records.get(1).get("topic"));
        assertEquals(first.timestamp(), ((Number) records.get(0).get("timestamp")).longValue());
        assertEquals(List.of(), records.get(0).get("headers"));
    }

    @Test
    void recordThatIsNotJsonFailsTheReadAndDoesNotMoveThePosition() {
        String topic = ConsumerHttp.unique("notjson");
        kafka.create(topic, 1);
        kafka.send(topic, 0, null, "not json at all");
        String base = http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}", topic);

        List<TestHttp.Reply> failures = new ArrayList<>();
        Wait.until(WAIT, "a failed read", () -> {
            TestHttp.Reply r = http.get(base + "/records", JSON_V2);
            if (r.status() != 200) {
                failures.add(r);
            }
            return !failures.isEmpty();
        });
        TestHttp.Reply failure = failures.getFirst();
        assertEquals(500, failure.status(), failure.toString());
        assertEquals(50002, failure.errorCode());
        assertTrue(((String) failure.map().get("message")).contains(topic + "/0/0"), failure.toString());
        TestHttp.Reply again = http.get(base + "/records", JSON_V2);
        assertEquals(50002, again.errorCode(), "the bad record is still next: " + again);
    }

    @Test
    void recordsBeforeOneThatIsNotJsonAreAnsweredFirst() {
        String topic = ConsumerHttp.unique("partlyjson");
        kafka.create(topic, 1);
        kafka.send(topic, 0, null, "{\"n\":1}");
        kafka.send(topic, 0, null, "{\"n\":2}");
        kafka.send(topic, 0, null, "not json");
        kafka.send(topic, 0, null, "{\"n\":4}");
        String base = http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}", topic);

        List<Map<String, Object>> good = http.readUntil(base, JSON_V2, 2);
        assertEquals(List.of(0, 1), good.stream().map(r -> ((Number) r.get("offset")).intValue()).toList());
        TestHttp.Reply bad = http.get(base + "/records", JSON_V2);
        assertEquals(50002, bad.errorCode(), "then the bad record fails the read: " + bad);
        assertTrue(((String) bad.map().get("message")).contains(topic + "/0/2"), bad.toString());
    }

    @Test
    void acceptMustMatchTheInstanceFormat() {
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{\"format\":\"json\"}"));

        TestHttp.Reply binary = http.get(base + "/records", BINARY_V2);
        assertEquals(406, binary.status(), binary.toString());
        assertEquals(40601, binary.errorCode());
        TestHttp.Reply noFormat = http.get(base + "/records", V2);
        assertEquals(40601, noFormat.errorCode(), "a type without format means binary");
        TestHttp.Reply negotiated = http.get(base + "/records?timeout=0",
                BINARY_V2 + ";q=0.9, " + JSON_V2 + ";q=0.5");
        assertEquals(409, negotiated.status(), "accepted json; not subscribed yet: " + negotiated);
    }

    @Test
    void readBeforeSubscribingIs409() {
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{}"));

        TestHttp.Reply reply = http.get(base + "/records?timeout=0", BINARY_V2);
        assertEquals(409, reply.status(), reply.toString());
        assertEquals(40903, reply.errorCode(), reply.toString());
        assertTrue(((String) reply.map().get("message")).contains("not subscribed"), reply.toString());
    }

    @Test
    void subscriptionCanBeReadAndDeleted() {
        String t1 = ConsumerHttp.unique("s1");
        String t2 = ConsumerHttp.unique("s2");
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{}"));

        assertEquals(204, http.post(base + "/subscription", "{\"topics\":[\"" + t2 + "\",\"" + t1 + "\"]}").status());
        TestHttp.Reply subscription = http.get(base + "/subscription", V2);
        assertEquals(200, subscription.status());
        assertEquals(V2, subscription.contentType());
        assertEquals(List.of(t1, t2).stream().sorted().toList(), subscription.map().get("topics"));

        assertEquals(204, http.delete(base + "/subscription").status());
        assertEquals(List.of(), http.get(base + "/subscription", V2).map().get("topics"));
    }

    @Test
    void subscriptionNeedsExactlyOneOfTopicsAndPattern() {
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{}"));

        for (String body : List.of("{}", "{\"topics\":[]}", "{\"topics\":[\"a\"],\"topic_pattern\":\"a.*\"}",
                "{\"topic_pattern\":\"(unclosed\"}")) {
            TestHttp.Reply reply = http.post(base + "/subscription", body);
            assertEquals(422, reply.status(), body + " -> " + reply);
            assertEquals(422, reply.errorCode());
        }
    }

    @Test
    void topicPatternSubscriptionReadsEveryMatchingTopic() {
        String prefix = ConsumerHttp.unique("pat");
        kafka.create(prefix + "-a", 1);
        kafka.create(prefix + "-b", 1);
        kafka.create(ConsumerHttp.unique("other"), 1);
        kafka.send(prefix + "-a", 0, null, "A");
        kafka.send(prefix + "-b", 0, null, "B");
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group,
                "{\"auto.offset.reset\":\"earliest\"}"));
        assertEquals(204, http.post(base + "/subscription", "{\"topic_pattern\":\"" + prefix + "-.*\"}").status());

        List<Map<String, Object>> records = http.readUntil(base, BINARY_V2, 2);

        assertEquals(Set.of(prefix + "-a", prefix + "-b"),
                records.stream().map(r -> (String) r.get("topic")).collect(Collectors.toSet()));
        assertEquals(List.of(prefix + "-a", prefix + "-b"), http.get(base + "/subscription", V2).map().get("topics"));
    }

    @Test
    void commitWithoutBodyCommitsWhatWasReturned() {
        String topic = ConsumerHttp.unique("commit");
        kafka.create(topic, 1);
        for (int i = 0; i < 3; i++) {
            kafka.send(topic, 0, null, "v" + i);
        }
        String group = ConsumerHttp.unique("g");
        String base = http.createAndSubscribe(group, "{\"auto.offset.reset\":\"earliest\",\"auto.commit.enable\":\"false\"}", topic);
        http.readUntil(base, BINARY_V2, 3);

        TestHttp.Reply commit = http.post(base + "/offsets", null);

        assertEquals(200, commit.status(), commit.toString());
        assertEquals(List.of(Map.of("topic", topic, "partition", 0, "consumed", 3, "committed", 3)), commit.objects());
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(group);
        assertEquals(3, committed.get(new TopicPartition(topic, 0)).offset());

        TestHttp.Reply query = http.send("GET", base + "/offsets", V2, V2,
                "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}");
        assertEquals(200, query.status(), query.toString());
        assertEquals(List.of(Map.of("topic", topic, "partition", 0, "offset", 3, "metadata", "")),
                query.map().get("offsets"));
    }

    @Test
    void commitOfExplicitOffsetsStoresTheNextOffsetToRead() {
        String topic = ConsumerHttp.unique("explicit");
        kafka.create(topic, 2);
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{}"));

        TestHttp.Reply commit = http.post(base + "/offsets", "{\"offsets\":[{\"topic\":\"" + topic
                + "\",\"partition\":1,\"offset\":4,\"metadata\":\"m\"}]}");

        assertEquals(200, commit.status(), commit.toString());
        assertEquals(List.of(Map.of("topic", topic, "partition", 1, "consumed", 5, "committed", 5)), commit.objects());
        OffsetAndMetadata committed = kafka.committed(group).get(new TopicPartition(topic, 1));
        assertEquals(5, committed.offset());
        assertEquals("m", committed.metadata());

        TestHttp.Reply invalid = http.post(base + "/offsets", "{\"offsets\":[{\"topic\":\"" + topic + "\",\"offset\":1}]}");
        assertEquals(422, invalid.status());
        assertTrue(((String) invalid.map().get("message")).contains("offsets[0].partition"), invalid.toString());
    }

    @Test
    void maxBytesLimitsAResponseWithoutLosingRecords() {
        String topic = ConsumerHttp.unique("maxbytes");
        kafka.create(topic, 1);
        for (int i = 0; i < 5; i++) {
            kafka.send(topic, 0, null, String.valueOf(i).repeat(100));
        }
        String base = http.createAndSubscribe(ConsumerHttp.unique("g"), "{\"auto.offset.reset\":\"earliest\"}", topic);

        List<Map<String, Object>> all = new ArrayList<>();
        Wait.until(WAIT, "5 records", () -> {
            TestHttp.Reply r = http.get(base + "/records?max_bytes=250", BINARY_V2);
            assertEquals(200, r.status(), r.toString());
            List<Map<String, Object>> batch = r.objects();
            assertTrue(batch.size() <= 2, "max_bytes=250 allows two 100-byte records: " + batch.size());
            all.addAll(batch);
            return all.size() >= 5;
        });
        assertEquals(List.of(0, 1, 2, 3, 4), all.stream().map(r -> ((Number) r.get("offset")).intValue()).toList());
    }

    @Test
    void seekAndAssignment() {
        String topic = ConsumerHttp.unique("seek");
        kafka.create(topic, 1);
        for (int i = 0; i < 3; i++) {
            kafka.send(topic, 0, null, "v" + i);
        }
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{}"));
        String partitions = "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}";

        assertEquals(204, http.post(base + "/assignments", partitions).status());
        assertEquals(Map.of("partitions", List.of(Map.of("topic", topic, "partition", 0))),
                http.get(base + "/assignments", V2).map());
        assertEquals(204, http.post(base + "/positions", "{\"offsets\":[{\"topic\":\"" + topic
                + "\",\"partition\":0,\"offset\":2}]}").status());
        assertEquals(List.of(2), ConsumerHttp.offsets(http.readUntil(base, BINARY_V2, 1)));
        assertEquals(204, http.post(base + "/positions/beginning", partitions).status());
        assertEquals(List.of(0, 1, 2), ConsumerHttp.offsets(http.readUntil(base, BINARY_V2, 3)));
        TestHttp.Reply unassigned = http.post(base + "/positions", "{\"offsets\":[{\"topic\":\"" + topic
                + "\",\"partition\":7,\"offset\":0}]}");
        assertEquals(409, unassigned.status(), unassigned.toString());
        assertEquals(40903, unassigned.errorCode(), unassigned.toString());
        TestHttp.Reply subscribeWhileAssigned = http.post(base + "/subscription", "{\"topics\":[\"" + topic + "\"]}");
        assertEquals(409, subscribeWhileAssigned.status(), subscribeWhileAssigned.toString());
        assertEquals(40903, subscribeWhileAssigned.errorCode(), subscribeWhileAssigned.toString());
    }

    @Test
    void deletedInstanceIsGoneEverywhere() {
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.post("/consumers/" + group, "{\"name\":\"gone\"}"));

        TestHttp.Reply delete = http.delete(base);
        assertEquals(204, delete.status(), delete.toString());

        for (TestHttp.Reply reply : List.of(http.delete(base), http.get(base + "/records", BINARY_V2),
                http.get(base + "/subscription", V2), http.post(base + "/subscription", "{\"topics\":[\"x\"]}"),
                http.post(base + "/offsets", null), http.get("/internal/consumers/" + group + "/instances/gone", null))) {
            assertEquals(404, reply.status(), reply.toString());
            assertEquals(40403, reply.errorCode());
        }
        assertEquals(200, http.post("/consumers/" + group, "{\"name\":\"gone\"}").status(), "the id is free again");
    }

    @Test
    void internalLookupAnswersOwnedInstances() {
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply created = http.post("/consumers/" + group, "{\"name\":\"mine\"}");

        TestHttp.Reply lookup = http.get("/internal/consumers/" + group + "/instances/mine", null);
        assertEquals(200, lookup.status(), lookup.toString());
        assertEquals(created.map(), lookup.map());

        TestHttp.Reply missing = http.get("/internal/consumers/" + group + "/instances/other", null);
        assertEquals(404, missing.status());
        assertEquals(40403, missing.errorCode());
    }

    @Test
    void v1CreateReadFromTopicAndCommit() {
        String topic = ConsumerHttp.unique("v1");
        kafka.create(topic, 1);
        kafka.send(topic, 0, "key", "confluent");
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply created = http.send("POST", "/consumers/" + group, V1, V1,
                "{\"id\":\"my_consumer\",\"format\":\"binary\",\"auto.offset.reset\":\"smallest\","
                        + "\"auto.commit.enable\":\"false\"}");
        assertEquals(200, created.status(), created.toString());
        assertEquals(V1, created.contentType());
        assertEquals("my_consumer", created.map().get("instance_id"));
        String base = ConsumerHttp.instanceUri(group, created);

        List<Map<String, Object>> records = new ArrayList<>();
        Wait.until(WAIT, "the v1 record", () -> {
            TestHttp.Reply r = http.get(base + "/topics/" + topic, "application/vnd.kafka.binary.v1+json");
            assertEquals(200, r.status(), r.toString());
            assertEquals("application/vnd.kafka.binary.v1+json", r.contentType());
            records.addAll(r.objects());
            return !records.isEmpty();
        });
        assertEquals("a2V5", records.getFirst().get("key"));
        assertEquals("Y29uZmx1ZW50", records.getFirst().get("value"));

        TestHttp.Reply other = http.get(base + "/topics/" + ConsumerHttp.unique("other"),
                "application/vnd.kafka.binary.v1+json");
        assertEquals(409, other.status(), other.toString());
        assertEquals(40901, other.errorCode());

        TestHttp.Reply commit = http.send("POST", base + "/offsets", null, V1, null);
        assertEquals(200, commit.status(), commit.toString());
        assertEquals(V1, commit.contentType());
        assertEquals(List.of(Map.of("topic", topic, "partition", 0, "consumed", 1, "committed", 1)), commit.objects());
    }

    @Test
    void v1ReadFromMissingTopicIs40401() {
        String group = ConsumerHttp.unique("g");
        String base = ConsumerHttp.instanceUri(group, http.send("POST", "/consumers/" + group, V1, V1, "{}"));

        TestHttp.Reply reply = http.get(base + "/topics/" + ConsumerHttp.unique("missing"),
                "application/vnd.kafka.binary.v1+json");
        assertEquals(404, reply.status(), reply.toString());
        assertEquals(40401, reply.errorCode());
    }

    private static void assertBinary(Map<String, Object> record, String topic, byte[] key, byte[] value) {
        assertEquals(topic, record.get("topic"));
        assertTrue(record.containsKey("key") && record.containsKey("value"), record.toString());
        assertArrayEqualsOrNull(key, (String) record.get("key"));
        assertArrayEqualsOrNull(value, (String) record.get("value"));
    }

    private static void assertArrayEqualsOrNull(byte[] expected, String base64) {
        if (expected == null) {
            assertNull(base64);
        } else {
            assertEquals(List.of(boxed(expected)), List.of(boxed(Base64.getDecoder().decode(base64))));
        }
    }

    private static String boxed(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
