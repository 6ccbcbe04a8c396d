package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin service on a free port against a real broker (the run's shared test broker unless a test class brings
 * its own), with a plain Kafka {@link Admin} client to set up and check what the API did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminServiceTest implements TestPropertyProvider {
    protected final int managementPort = FreePorts.next();
    protected Admin admin;
    protected String clusterId;

    @Inject
    EmbeddedServer server;

    /** The broker the service and the test talk to. */
    protected String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers(),
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @BeforeAll
    void connectAdmin() throws Exception {
        admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers()));
        clusterId = admin.describeCluster().clusterId().get();
    }

    @AfterAll
    void closeAdmin() {
        admin.close();
    }

    protected TestHttp http() {
        return TestHttp.json("http://localhost:" + server.getPort());
    }

    /** A v3 path of this cluster: {@code v3("/topics")} is {@code /v3/clusters/<id>/topics}. */
    protected String v3(String path) {
        return "/v3/clusters/" + clusterId + path;
    }

    /** The absolute URL the service gives in links when called directly. */
    protected String v3Url(String path) {
        return "http://localhost:" + server.getPort() + v3(path);
    }

    protected String createTopic(int partitions) throws ExecutionException, InterruptedException {
        return createTopic(partitions, Map.of());
    }

    protected String createTopic(int partitions, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        String topic = getClass().getSimpleName() + "-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
        eventually("topic " + topic + " visible with its leaders", () -> assertTrue(
                admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty())));
        return topic;
    }

    /** A check that runs until it passes (Kafka applies metadata changes asynchronously) or 10 s have passed. */
    protected static void eventually(String what, Wait.Check check) {
        Wait.untilPassing(Duration.ofSeconds(10), what, check);
    }

    /** Writes {@code count} records to the partition and waits until Kafka acknowledged them. */
    protected void produce(String topic, int partition, int count) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
            }
        }
    }

    protected boolean topicExists(String topic) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().contains(topic);
    }

    protected Set<String> topicNames() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }
}
