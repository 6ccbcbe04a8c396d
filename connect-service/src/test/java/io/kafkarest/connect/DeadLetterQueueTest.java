package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect's error handling on the embedded worker: a sink with {@code errors.tolerance=all} and a dead letter queue
 * writes the good record and sends the one its converter cannot read to the DLQ topic, with the error context in
 * {@code __connect.errors.*} headers, and keeps running.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterQueueTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @TempDir
    Path dir;

    @Override
    public Map<String, String> getProperties() {
        return ConnectTestSupport.workerProperties("dlq");
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @BeforeAll
    void workerJoined() {
        ConnectTestSupport.awaitWorkerReady(url(""));
    }

    @Test
    void aRecordTheConverterCannotReadGoesToTheDeadLetterQueueAndTheSinkKeepsRunning() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String name = "dlq-sink-" + id;
        String topic = "dlq-in-" + id;
        String dlq = "dlq-errors-" + id;
        Path out = dir.resolve("out.txt");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "not json {")).get();
            producer.send(new ProducerRecord<>(topic, "{\"order\":1,\"item\":\"book\"}")).get();
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("file", out.toString());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("errors.tolerance", "all");
        config.put("errors.log.enable", "true");
        config.put("errors.log.include.messages", "true");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        Reply created = HTTP.post(url("/connectors"), Map.of("name", name, "config", config));
        assertEquals(201, created.status(), created.toString());

        // the good record reaches the file (JsonConverter without schemas gives a map, FileStreamSink writes its
        // toString)
        Wait.until(WAIT, "the valid record in " + out,
                () -> Files.exists(out) && readQuietly(out).contains("book"));

        // the bad one is in the DLQ, as it was written, with the error context in headers
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            TopicPartition partition = new TopicPartition(dlq, 0);
            Wait.until(WAIT, "the DLQ topic " + dlq + " exists", () -> !consumer.partitionsFor(dlq).isEmpty());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Wait.until(WAIT, "a record in the DLQ", () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        assertEquals(1, dead.size(), "exactly the bad record is dead-lettered");
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertEquals("not json {", new String(record.value(), StandardCharsets.UTF_8));
        assertEquals(topic, header(record, "__connect.errors.topic"));
        assertEquals("0", header(record, "__connect.errors.partition"));
        assertEquals("0", header(record, "__connect.errors.offset"));
        assertEquals("VALUE_CONVERTER", header(record, "__connect.errors.stage"));
        assertEquals("org.apache.kafka.connect.json.JsonConverter", header(record, "__connect.errors.class.name"));
        assertEquals("org.apache.kafka.connect.errors.DataException",
                header(record, "__connect.errors.exception.class.name"));
        assertNotNull(header(record, "__connect.errors.exception.message"));
        assertTrue(readQuietly(out).lines().count() == 1, "only the valid record is in the file: " + readQuietly(out));

        // tolerated errors do not fail anything
        JsonNode status = HTTP.get(url("/connectors/" + name + "/status")).json();
        assertEquals("RUNNING", status.get("connector").get("state").asText(), status.toString());
        assertEquals("RUNNING", status.get("tasks").get(0).get("state").asText(), status.toString());
        assertEquals(204, ConnectTestSupport.HTTP.delete(url("/connectors/" + name)).status());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
