package io.kafkarest.consume.api;

import static io.kafkarest.consume.api.ConsumerHttp.BINARY_V2;
import static io.kafkarest.consume.api.ConsumerHttp.JSON_V2;
import static io.kafkarest.consume.api.ConsumerHttp.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Seeking by timestamp, reads by offset without an instance, and two instances of one group during a rebalance. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PositionsAndPartitionReadsTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BINARY_V1 = "application/vnd.kafka.binary.v1+json";

    @Inject
    EmbeddedServer server;

    private ConsumerHttp http;
    private TestTopics topics;
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @BeforeAll
    void setUp() {
        http = new ConsumerHttp(server.getURI());
        topics = new TestTopics();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void tearDown() {
        producer.close();
        topics.close();
    }

    @Test
    void readsByOffsetWithoutAnInstance() throws Exception {
        String topic = ConsumerHttp.unique("by-offset");
        topics.create(topic, 2);
        for (int i = 0; i < 5; i++) {
            send(topic, 1, null, "\"k" + i + "\"", "{\"n\":" + i + "}");
        }
        String path = "/topics/" + topic + "/partitions/1/messages";

        TestHttp.Reply three = http.get(path + "?offset=1&count=3", BINARY_V1);
        assertEquals(200, three.status(), three.toString());
        assertEquals(BINARY_V1, three.contentType());
        assertEquals(List.of(1, 2, 3), ConsumerHttp.offsets(three.objects()));
        assertEquals("\"k2\"", decode((String) three.objects().get(1).get("key")));
        assertEquals("{\"n\":3}", decode((String) three.objects().get(2).get("value")));
        assertEquals(1, ((Number) three.objects().get(0).get("partition")).intValue());

        assertEquals(List.of(0), ConsumerHttp.offsets(http.get(path + "?offset=0", BINARY_V2).objects()),
                "count defaults to 1");
        assertEquals(List.of(3, 4), ConsumerHttp.offsets(http.get(path + "?offset=3&count=100", BINARY_V2).objects()),
                "fewer when the partition ends sooner");
        assertEquals(List.of(), http.get(path + "?offset=5&count=10", BINARY_V2).objects(), "nothing at the end");
        TestHttp.Reply json = http.get(path + "?offset=4", JSON_V2);
        assertEquals(JSON_V2, json.contentType());
        assertEquals(Map.of("n", 4), json.objects().get(0).get("value"));

        assertError(http.get(path + "?offset=6", BINARY_V2), 422, 422, "out of range");
        assertError(http.get(path, BINARY_V2), 422, 422, "offset is required");
        assertError(http.get(path + "?offset=0&count=0", BINARY_V2), 422, 422, "count");
        assertError(http.get("/topics/" + topic + "/partitions/2/messages?offset=0", BINARY_V2), 404, 40402,
                "Partition not found");
        assertError(http.get("/topics/" + ConsumerHttp.unique("missing") + "/partitions/0/messages?offset=0",
                BINARY_V2), 404,
                40401, "Topic not found");
    }

    @Test
    void seeksToTheFirstRecordAtOrAfterATimestamp() throws Exception {
        String topic = ConsumerHttp.unique("by-time");
        topics.create(topic, 1);
        for (long t : new long[] {1_000, 2_000, 3_000}) {
            producer.send(new ProducerRecord<>(topic, 0, t, null, ("at " + t).getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        String group = ConsumerHttp.unique("g");
        String base = http.create(group, "{}");
        assertEquals(204, http.post(base + "/assignments",
                "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}").status());

        assertEquals(204, seek(base, topic, "1500").status());
        assertEquals(List.of(1, 2), ConsumerHttp.offsets(http.readUntil(base, BINARY_V2, 2)));
        assertEquals(204, seek(base, topic, "\"1970-01-01T00:00:03Z\"").status());
        assertEquals(List.of(2), ConsumerHttp.offsets(http.readUntil(base, BINARY_V2, 1)));
        List<Map<String, Object>> first = readAfterSeek(base, topic, "0");
        assertEquals(0, ((Number) first.get(0).get("offset")).intValue());
        assertEquals(204, seek(base, topic, "9999999").status(), "no record that late: the end");
        TestHttp.Reply none = http.get(base + "/records?timeout=300", BINARY_V2);
        assertEquals(List.of(), none.objects(), none.toString());

        assertError(seek(base, topic, "\"yesterday\""), 422, 422, "timestamps[0].timestamp");
        assertError(http.post(base + "/positions", "{\"timestamps\":[{\"topic\":\"" + topic
                + "\",\"partition\":5,\"timestamp\":0}]}"), 409, 40903, "partition");
    }

    @Test
    void aRebalanceDoesNotHangAWaitingReadAndTwoInstancesShareThePartitions() throws Exception {
        String topic = ConsumerHttp.unique("shared");
        topics.create(topic, 2);
        String group = ConsumerHttp.unique("g");
        String a = http.create(group, "{\"name\":\"a\",\"auto.offset.reset\":\"earliest\"}");
        subscribe(a, topic);
        Wait.until(WAIT, "a owns both partitions", () -> {
            http.get(a + "/records?timeout=200", BINARY_V2);
            return http.get(a + "/assignments", V2).map().get("partitions") instanceof List<?> l && l.size() == 2;
        });

        long started = System.nanoTime();
        CompletableFuture<TestHttp.Reply> waiting =
                CompletableFuture.supplyAsync(() -> http.get(a + "/records?timeout=8000", BINARY_V2));
        String b = http.create(group, "{\"name\":\"b\",\"auto.offset.reset\":\"earliest\"}");
        subscribe(b, topic);
        CompletableFuture<TestHttp.Reply> joining =
                CompletableFuture.supplyAsync(() -> http.get(b + "/records?timeout=3000", BINARY_V2));

        TestHttp.Reply waited = waiting.get(20, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(200, waited.status(), waited.toString());
        assertTrue(tookMs < 8_000 + 5_000, "the waiting read answered within its timeout and a margin: " + tookMs);
        assertEquals(200, joining.get(20, TimeUnit.SECONDS).status());

        Wait.until(WAIT, "a and b own one partition each", () -> {
            http.get(a + "/records?timeout=200", BINARY_V2);
            http.get(b + "/records?timeout=200", BINARY_V2);
            return partitions(a) == 1 && partitions(b) == 1;
        });
        for (int i = 0; i < 10; i++) {
            send(topic, i % 2, null, null, "r" + i);
        }
        List<Map<String, Object>> read = new ArrayList<>();
        Wait.until(WAIT, "every record read once between a and b", () -> {
            read.addAll(http.get(a + "/records?timeout=200", BINARY_V2).objects());
            read.addAll(http.get(b + "/records?timeout=200", BINARY_V2).objects());
            return read.size() >= 10;
        });
        assertEquals(10, read.size(), "no record twice");
    }

    private int partitions(String base) {
        return ((List<?>) http.get(base + "/assignments", V2).map().get("partitions")).size();
    }

    private List<Map<String, Object>> readAfterSeek(String base, String topic, String timestamp) {
        assertEquals(204, seek(base, topic, timestamp).status());
        return http.readUntil(base, BINARY_V2, 1);
    }

    private TestHttp.Reply seek(String base, String topic, String timestamp) {
        return http.post(base + "/positions", "{\"timestamps\":[{\"topic\":\"" + topic
                + "\",\"partition\":0,\"timestamp\":" + timestamp + "}]}");
    }

    private void send(String topic, int partition, Long timestamp, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, timestamp,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))).get();
    }

    private void subscribe(String base, String topic) {
        assertEquals(204, http.post(base + "/subscription", "{\"topics\":[\"" + topic + "\"]}").status());
    }

    private static void assertError(TestHttp.Reply reply, int status, int code, String inMessage) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.errorCode(), reply.toString());
        assertTrue(((String) reply.map().get("message")).contains(inMessage), reply.toString());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
