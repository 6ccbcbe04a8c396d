package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops while records are produced: requests end within a bounded time with a Kafka error (50002/50003)
 * and, once the broker is back, every record that was acknowledged is in the topic exactly once (idempotence).
 */
@MicronautTest
class BrokerFaultTest extends ProduceTestSupport {
    private static final int BATCH = 20;
    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final Path dataDir = tempDir();
    private EmbeddedKafka broker = EmbeddedKafka.start(dataDir, port, controllerPort, Map.of());

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fault-kafka");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("kafka.producers.default.delivery.timeout.ms", "8000");
        properties.put("kafka.producers.default.request.timeout.ms", "3000");
        properties.put("kafka.producers.default.max.block.ms", "4000");
        properties.put("kafka.producers.default.reconnect.backoff.max.ms", "500");
        properties.put("produce.topic-metadata.timeout", "3s");
        properties.put("produce.topic-metadata.cache-ttl", "1s");
        return properties;
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void acknowledgedRecordsSurviveABrokerStopExactlyOnce() throws Exception {
        String topic = createTopic(1);
        Set<String> acknowledged = new HashSet<>();
        int next = 0;
        for (int i = 0; i < 5; i++) {
            next = produceBatch(topic, next, acknowledged);
        }
        assertEquals(5 * BATCH, acknowledged.size(), "all acknowledged while the broker runs");

        broker.close();
        // twice: after the first records expire, an idempotent producer waits for a new producer id and stops
        // expiring batches, so the second request is answered by produce-service's own deadline
        for (int attempt = 0; attempt < 2; attempt++) {
            long start = System.nanoTime();
            TestHttp.Reply failed = post("/topics/" + topic, "application/vnd.kafka.binary.v2+json", null,
                    batchBody(next));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<Integer> codes = errorCodes(failed, acknowledged, next);
            next += BATCH;
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "answered within 20 s, took " + took);
            assertTrue(!codes.isEmpty() && codes.stream().allMatch(c -> c == 50002 || c == 50003),
                    "a Kafka error while the broker is down: " + failed.status() + " " + failed.body());
        }

        broker = EmbeddedKafka.start(dataDir, port, controllerPort, Map.of());
        int[] counter = {next};
        Wait.untilPassing(Duration.ofSeconds(60), "produce works again", () -> {
            int before = acknowledged.size();
            counter[0] = produceBatch(topic, counter[0], acknowledged);
            assertEquals(before + BATCH, acknowledged.size());
        });

        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, (int) endOffset(topic, 0));
        Map<String, Integer> seen = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            seen.merge(new String(r.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        seen.forEach((value, count) -> assertEquals(1, count, value + " written " + count + " times"));
        for (String value : acknowledged) {
            assertTrue(seen.containsKey(value), "acknowledged record " + value + " is in the topic");
        }
    }

    private String batchBody(int first) {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"value\":\"")
                    .append(b64(("record-" + (first + i)).getBytes(StandardCharsets.UTF_8))).append("\"}");
        }
        return body.append("]}").toString();
    }

    /** Produces one batch; remembers the acknowledged values; answers the next sequence number. */
    private int produceBatch(String topic, int first, Set<String> acknowledged) throws Exception {
        TestHttp.Reply response = post("/topics/" + topic, "application/vnd.kafka.binary.v2+json", null,
                batchBody(first));
        errorCodes(response, acknowledged, first);
        return first + BATCH;
    }

    /** The error codes of a response (its own, or each failed record's); records with an offset are acknowledged. */
    @SuppressWarnings("unchecked")
    private List<Integer> errorCodes(TestHttp.Reply response, Set<String> acknowledged, int first)
            throws Exception {
        Map<String, Object> body = body(response.body());
        if (response.status() != 200) {
            return List.of(intOf(body.get("error_code")));
        }
        List<Integer> codes = new ArrayList<>();
        List<Map<String, Object>> offsets = (List<Map<String, Object>>) body.get("offsets");
        for (int i = 0; i < offsets.size(); i++) {
            if (offsets.get(i).get("offset") != null) {
                acknowledged.add("record-" + (first + i));
            } else {
                codes.add(intOf(offsets.get(i).get("error_code")));
            }
        }
        return codes;
    }
}
