package io.kafkarest.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.TestRegistry;
import io.kafkarest.testing.Wait;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of produce-service tests against the shared real broker and a real Schema Registry: HTTP helpers, topics, and
 * reading back what Kafka holds with a plain consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProduceTestSupport implements TestPropertyProvider {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;

    protected TestHttp http;
    protected Admin admin;

    /** The broker this class produces to (the shared test broker unless a test overrides it). */
    protected String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers(),
                "schema-registry.url", TestRegistry.url(),
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @BeforeAll
    void startAdmin() {
        http = TestHttp.to("http://localhost:" + server.getPort()).withTimeout(Duration.ofSeconds(60));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @AfterAll
    void stopAdmin() {
        admin.close();
    }

    protected String createTopic(int partitions) throws Exception {
        String topic = "produce-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        Wait.untilPassing(Duration.ofSeconds(10), "topic " + topic + " visible",
                () -> admin.describeTopics(List.of(topic)).allTopicNames().get());
        return topic;
    }

    protected String clusterId() throws Exception {
        return admin.describeCluster().clusterId().get();
    }

    /** POSTs the body with these Content-Type and Accept headers (each left out where null). */
    protected TestHttp.Reply post(String path, String contentType, String accept, String body) {
        List<String> headers = new ArrayList<>();
        if (contentType != null) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        if (accept != null) {
            headers.addAll(List.of("Accept", accept));
        }
        return http.post(path, body, headers.toArray(String[]::new));
    }

    protected void assertError(TestHttp.Reply response, int status, int errorCode, String messagePart)
            throws IOException {
        assertEquals(status, response.status(), response.body());
        Map<String, Object> body = body(response.body());
        assertEquals(errorCode, ((Number) body.get("error_code")).intValue(), response.body());
        assertTrue(String.valueOf(body.get("message")).contains(messagePart),
                "message should contain '" + messagePart + "': " + response.body());
    }

    protected Map<String, Object> body(String text) throws IOException {
        return json.readValue(text, Argument.mapOf(String.class, Object.class));
    }

    protected static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    protected static int intOf(Object number) {
        return ((Number) number).intValue();
    }

    /** Every record of the topic (all partitions, from the beginning), waiting until there are {@code expected}. */
    protected List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Wait.until(Duration.ofSeconds(60), expected + " records in " + topic, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            assertEquals(expected, records.size(), "records in " + topic);
            return records;
        }
    }

    protected long endOffset(String topic, int partition) throws Exception {
        TopicPartition tp = new TopicPartition(topic, partition);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
    }
}
