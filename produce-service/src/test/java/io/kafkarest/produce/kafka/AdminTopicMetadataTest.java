package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The metadata cache against a real broker: positive answers are cached, negative ones never. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTopicMetadataTest {
    private Admin admin;

    @BeforeAll
    void start() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    private String createTopic(int partitions) throws Exception {
        String topic = "metadata-" + UUID.randomUUID();
        createAndAwait(topic, partitions);
        return topic;
    }

    /** Creates the topic and waits until the broker shows it (KRaft brokers apply new metadata asynchronously). */
    private void createAndAwait(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        Wait.untilPassing(Duration.ofSeconds(10), topic + " visible", () -> assertEquals(partitions,
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size()));
    }

    @Test
    void unknownTopicIsEmptyAndNotCached() throws Exception {
        AdminTopicMetadata metadata = new AdminTopicMetadata(admin,
                new TopicMetadataSettings(Duration.ofMinutes(10), Duration.ofSeconds(10)));
        String topic = "metadata-" + UUID.randomUUID();

        assertTrue(metadata.partitionCount(topic).isEmpty());
        createAndAwait(topic, 2);
        assertEquals(OptionalInt.of(2), metadata.partitionCount(topic));
    }

    @Test
    void existingTopicIsCachedUntilRefreshed() throws Exception {
        AdminTopicMetadata metadata = new AdminTopicMetadata(admin,
                new TopicMetadataSettings(Duration.ofMinutes(10), Duration.ofSeconds(10)));
        String topic = createTopic(1);
        assertEquals(OptionalInt.of(1), metadata.partitionCount(topic));

        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get();

        assertEquals(OptionalInt.of(1), metadata.partitionCount(topic), "served from the cache");
        Wait.until(Duration.ofSeconds(10), "3 partitions seen on refresh",
                () -> metadata.refreshPartitionCount(topic).equals(OptionalInt.of(3)));
        assertEquals(OptionalInt.of(3), metadata.partitionCount(topic));
    }

    @Test
    void cacheExpiresAfterItsTtl() throws Exception {
        AdminTopicMetadata metadata = new AdminTopicMetadata(admin,
                new TopicMetadataSettings(Duration.ofMillis(200), Duration.ofSeconds(10)));
        String topic = createTopic(1);
        assertEquals(OptionalInt.of(1), metadata.partitionCount(topic));

        admin.deleteTopics(List.of(topic)).all().get();

        Wait.until(Duration.ofSeconds(10), "deleted topic to be seen after the TTL",
                () -> metadata.partitionCount(topic).isEmpty());
    }
}
