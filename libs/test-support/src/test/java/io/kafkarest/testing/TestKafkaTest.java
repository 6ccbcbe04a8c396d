package io.kafkarest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The test broker helper itself, on whichever branch this machine takes: the embedded KRaft broker where no Docker
 * engine answers, Testcontainers' {@code KafkaContainer} ({@code apache/kafka:4.3.1}) where one does. Either way it
 * asserts which branch ran and that the broker really serves a topic, a produce and a fetch. {@code
 * -Dtest.kafka.expect=testcontainers} (bin/compose-check, on its Docker engine) or {@code =embedded} pins the branch
 * expected, so a run that silently fell back to the other one fails.
 */
class TestKafkaTest {

    @Test
    void theBrokerIsTheOneThisMachineOffersAndItServesRecords() throws Exception {
        String expected = System.getProperty("test.kafka.expect",
                !Boolean.getBoolean("test.kafka.embedded") && TestKafka.dockerAvailable() ? "testcontainers" : "embedded");
        assertEquals(expected, TestKafka.kind(), "the kind of broker TestKafka started");

        String bootstrap = TestKafka.bootstrapServers();
        String topic = "test-kafka-self-check";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "from " + expected)).get();
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            List<String> values = new ArrayList<>();
            Wait.until(Duration.ofSeconds(30), "the record produced to " + bootstrap, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
            assertEquals(List.of("from " + expected), values);
        }
    }
}
