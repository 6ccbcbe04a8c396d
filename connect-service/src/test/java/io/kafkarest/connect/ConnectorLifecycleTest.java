package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real connector through the API: a FileStreamSource connector reads a file into a topic on the test broker; its
 * config, tasks, status, pause/resume, restart, update and delete, and the errors around them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorLifecycleTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @TempDir
    Path dir;

    @Override
    public Map<String, String> getProperties() {
        return ConnectTestSupport.workerProperties("lifecycle");
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @BeforeAll
    void workerJoined() {
        ConnectTestSupport.awaitWorkerReady(url(""));
    }

    @Test
    void fileSourceConnectorCopiesTheFileIntoKafkaAndIsManagedThroughTheApi() throws Exception {
        String name = "file-source-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "connect-file-" + name;
        Path file = dir.resolve("input.txt");
        List<String> lines = List.of("first line", "second line", "third line");
        Files.write(file, lines);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("tasks.max", "1");
        config.put("file", file.toString());
        config.put("topic", topic);
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");

        // create: 201 with the connector's info and its location
        Reply created = HTTP.post(url("/connectors"), Map.of("name", name, "config", config));
        assertEquals(201, created.status(), created.toString());
        assertEquals(name, created.json().get("name").asText());
        assertEquals("source", created.json().get("type").asText());
        assertEquals(file.toString(), created.json().get("config").get("file").asText());
        assertEquals(name, created.json().get("config").get("name").asText());
        assertTrue(created.header("Location").endsWith("/connectors/" + name), created.header("Location"));

        // the connector and its task run
        awaitState(name, "RUNNING");

        // the file's lines really are in Kafka
        assertEquals(lines, readValues(topic, lines.size()));

        // more lines appended to the file follow
        Files.writeString(file, "fourth line\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("first line", "second line", "third line", "fourth line"), readValues(topic, 4));

        // duplicate create: 409 in Connect's error format
        Reply duplicate = HTTP.post(url("/connectors"), Map.of("name", name, "config", config));
        assertEquals(409, duplicate.status(), duplicate.toString());
        assertEquals(409, duplicate.json().get("error_code").asInt());
        assertTrue(duplicate.json().get("message").asText().contains("already exists"), duplicate.body());

        // list, and the two expansions
        Reply list = HTTP.get(url("/connectors"));
        assertEquals(200, list.status(), list.toString());
        assertTrue(list.json().isArray() && list.body().contains("\"" + name + "\""), list.body());
        Reply expanded = HTTP.get(url("/connectors?expand=status&expand=info"));
        assertEquals(200, expanded.status(), expanded.toString());
        JsonNode mine = expanded.json().get(name);
        assertEquals("RUNNING", mine.get("status").get("connector").get("state").asText(), expanded.body());
        assertEquals(name, mine.get("info").get("name").asText(), expanded.body());
        assertEquals("source", mine.get("info").get("type").asText(), expanded.body());
        Reply statusOnly = HTTP.get(url("/connectors?expand=status"));
        assertTrue(statusOnly.json().get(name).has("status") && !statusOnly.json().get(name).has("info"),
                statusOnly.body());

        // info, config, tasks, task status, topics
        Reply info = HTTP.get(url("/connectors/" + name));
        assertEquals(200, info.status(), info.toString());
        assertEquals(name, info.json().get("tasks").get(0).get("connector").asText(), info.body());
        assertEquals(0, info.json().get("tasks").get(0).get("task").asInt(), info.body());

        Reply readConfig = HTTP.get(url("/connectors/" + name + "/config"));
        assertEquals(200, readConfig.status(), readConfig.toString());
        assertEquals(topic, readConfig.json().get("topic").asText());
        assertEquals(name, readConfig.json().get("name").asText());

        Reply tasks = HTTP.get(url("/connectors/" + name + "/tasks"));
        assertEquals(200, tasks.status(), tasks.toString());
        assertEquals(1, tasks.json().size(), tasks.body());
        assertEquals(name, tasks.json().get(0).get("id").get("connector").asText());
        assertEquals(0, tasks.json().get(0).get("id").get("task").asInt());
        assertEquals(topic, tasks.json().get(0).get("config").get("topic").asText(), tasks.body());

        Reply taskStatus = HTTP.get(url("/connectors/" + name + "/tasks/0/status"));
        assertEquals(200, taskStatus.status(), taskStatus.toString());
        assertEquals("RUNNING", taskStatus.json().get("state").asText());
        assertEquals(0, taskStatus.json().get("id").asInt());
        assertTrue(taskStatus.json().get("worker_id").asText().endsWith(":" + server.getPort()), taskStatus.body());

        Wait.until(WAIT, "active topic recorded",
                () -> HTTP.get(url("/connectors/" + name + "/topics")).body().contains(topic));
        Reply topics = HTTP.get(url("/connectors/" + name + "/topics"));
        assertEquals(topic, topics.json().get(name).get("topics").get(0).asText(), topics.body());

        // pause and resume: 202, then the states follow
        Reply pause = HTTP.put(url("/connectors/" + name + "/pause"), null);
        assertEquals(202, pause.status(), pause.toString());
        awaitState(name, "PAUSED");
        Reply resume = HTTP.put(url("/connectors/" + name + "/resume"), null);
        assertEquals(202, resume.status(), resume.toString());
        awaitState(name, "RUNNING");

        // restarts
        Reply restart = HTTP.post(url("/connectors/" + name + "/restart"), null);
        assertEquals(204, restart.status(), restart.toString());
        Reply restartAll = HTTP.post(url("/connectors/" + name + "/restart?includeTasks=true"), null);
        assertEquals(202, restartAll.status(), restartAll.toString());
        assertEquals(name, restartAll.json().get("name").asText(), restartAll.body());
        Reply restartTask = HTTP.post(url("/connectors/" + name + "/tasks/0/restart"), null);
        assertEquals(204, restartTask.status(), restartTask.toString());
        awaitState(name, "RUNNING");
        Reply unknownTask = HTTP.get(url("/connectors/" + name + "/tasks/7/status"));
        assertEquals(404, unknownTask.status(), unknownTask.toString());
        assertEquals(404, unknownTask.json().get("error_code").asInt());

        // update: 200 with the new config; a mismatched name is a 400
        config.put("batch.size", "100");
        Reply updated = HTTP.put(url("/connectors/" + name + "/config"), config);
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("100", updated.json().get("config").get("batch.size").asText(), updated.body());
        Map<String, String> renamed = new LinkedHashMap<>(config);
        renamed.put("name", "another-name");
        Reply mismatch = HTTP.put(url("/connectors/" + name + "/config"), renamed);
        assertEquals(400, mismatch.status(), mismatch.toString());
        assertEquals(400, mismatch.json().get("error_code").asInt());

        // delete: 204, then 404 everywhere
        Reply deleted = HTTP.delete(url("/connectors/" + name));
        assertEquals(204, deleted.status(), deleted.toString());
        Reply gone = HTTP.get(url("/connectors/" + name));
        assertEquals(404, gone.status(), gone.toString());
        assertEquals(404, gone.json().get("error_code").asInt());
        assertEquals("Connector " + name + " not found", gone.json().get("message").asText());
        assertEquals(404, HTTP.delete(url("/connectors/" + name)).status());
        assertTrue(!HTTP.get(url("/connectors")).body().contains("\"" + name + "\""));
    }

    @Test
    void aSourceWritingToATopicThatDoesNotExistDeliversThroughTheBrokersAutoCreation() throws Exception {
        String name = "auto-topic-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "connect-auto-" + name;
        Path file = dir.resolve(name + ".txt");
        Files.write(file, List.of("a", "b"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("tasks.max", "1");
        config.put("file", file.toString());
        config.put("topic", topic); // no topic.creation.*: the broker creates it on first use, as Kafka's default
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");

        assertEquals(201, HTTP.post(url("/connectors"), Map.of("name", name, "config", config)).status());

        assertEquals(List.of("a", "b"), readValues(topic, 2));
        awaitState(name, "RUNNING");
        assertEquals(202, HTTP.put(url("/connectors/" + name + "/pause"), null).status());
        awaitState(name, "PAUSED");
        assertEquals(204, HTTP.delete(url("/connectors/" + name)).status());
    }

    @Test
    void putConfigCreatesAConnectorThatDoesNotExistYet() {
        String name = "file-sink-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
                "tasks.max", "1",
                "topics", "connect-sink-" + name,
                "file", dir.resolve("sink.txt").toString());

        Reply created = HTTP.put(url("/connectors/" + name + "/config"), config);
        assertEquals(201, created.status(), created.toString());
        assertEquals("sink", created.json().get("type").asText(), created.body());

        Reply again = HTTP.put(url("/connectors/" + name + "/config"), config);
        assertEquals(200, again.status(), again.toString());

        assertEquals(204, HTTP.delete(url("/connectors/" + name)).status());
    }

    private void awaitState(String name, String state) {
        Wait.until(WAIT, name + " and its task " + state, () -> {
            Reply status = HTTP.get(url("/connectors/" + name + "/status"));
            if (status.status() != 200) {
                return false;
            }
            JsonNode json = status.json();
            return json.get("connector").get("state").asText().equals(state)
                    && json.get("tasks").size() == 1
                    && json.get("tasks").get(0).get("state").asText().equals(state);
        });
    }

    private static List<String> readValues(String topic, int count) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            Wait.until(WAIT, "topic " + topic + " created", () -> consumer.partitionsFor(topic).size() == 1);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Wait.until(WAIT, count + " records in " + topic, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= count;
            });
        }
        return values;
    }
}
