package io.kafkarest.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    @Test
    void servesProduceAndConsumeAndKeepsTopicsAcrossRestart() throws Exception {
        Path dir = Files.createTempDirectory("embedded-kafka-test");
        int port = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port, controllerPort, Map.of())) {
            clusterId = kafka.clusterId();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
                assertEquals(clusterId, admin.describeCluster().clusterId().get());
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", 0, "k", "hello")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port, controllerPort, Map.of())) {
            assertEquals(clusterId, kafka.clusterId());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertTrue(admin.listTopics().names().get().contains("kept"));
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                    "group.id", "g", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("kept"));
                // test-support (Wait) depends on this module: Awaitility directly
                List<String> values = new ArrayList<>();
                Awaitility.await("the record produced before the restart").atMost(Duration.ofSeconds(30))
                        .pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                            return !values.isEmpty();
                        });
                assertEquals(List.of("hello"), values, "the record produced before the restart is still there");
            }
        }
        assertTrue(new String(Files.readAllBytes(dir.resolve("meta.properties")), StandardCharsets.UTF_8).contains(clusterId));
    }
}
