package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v3 consumer groups, consumers, assignments and lags, against real groups: a classic group with one static
 * member that committed part of what it could read, a KIP-848 consumer group, and groups without offsets or members.
 */
@MicronautTest
class ConsumerGroupsV3Test extends AdminServiceTest {
    private final String group = "classic-" + UUID.randomUUID();
    private String topic;
    private KafkaConsumer<String, String> classic;
    private String memberId;
    private int coordinator;

    @BeforeAll
    void startAConsumerThatCommitsPartOfTheTopic() throws Exception {
        topic = createTopic(2);
        produce(topic, 0, 10);
        produce(topic, 1, 4);
        classic = consumer(group, Map.of("client.id", "client-1", "group.instance.id", "instance-1"));
        classic.subscribe(List.of(topic));
        awaitAssignment(classic, 2);
        classic.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(6),
                new TopicPartition(topic, 1), new OffsetAndMetadata(4)));
        eventually("the group is stable with its member", () -> {
            var described = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            assertEquals("STABLE", described.groupState().name());
            MemberDescription member = described.members().iterator().next();
            memberId = member.consumerId();
            coordinator = described.coordinator().id();
        });
    }

    @AfterAll
    void stopConsumer() {
        classic.close(Duration.ofSeconds(5));
    }

    @Test
    void describesAClassicGroup() {
        TestHttp.Reply reply = http().get(v3("/consumer-groups/" + group)).expect(200);
        Map<String, Object> g = reply.map();
        assertEquals("KafkaConsumerGroup", g.get("kind"));
        assertEquals(clusterId, g.get("cluster_id"));
        assertEquals(group, g.get("consumer_group_id"));
        assertEquals(false, g.get("is_simple"));
        assertEquals("range", g.get("partition_assignor"));
        assertEquals("STABLE", g.get("state"));
        assertEquals("CLASSIC", g.get("type"));
        assertEquals(false, g.get("is_mixed_consumer_group"));
        String self = v3Url("/consumer-groups/" + group);
        assertEquals(self, TestHttp.at(g, "metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId + "/consumer-group=" + group, TestHttp.at(g, "metadata",
                "resource_name"));
        assertEquals(v3Url("/brokers/" + coordinator), TestHttp.at(g, "coordinator", "related"));
        assertEquals(self + "/consumers", TestHttp.at(g, "consumers", "related"));
        assertEquals(self + "/lag-summary", TestHttp.at(g, "lag_summary", "related"));

        TestHttp.Reply list = http().get(v3("/consumer-groups")).expect(200);
        assertEquals("KafkaConsumerGroupList", list.at("kind"));
        assertEquals(v3Url("/consumer-groups"), list.at("metadata", "self"));
        assertTrue(list.data().contains(g), list.body());

        http().get(v3("/consumer-groups/no-such-group")).expectError(404, 404);
    }

    @Test
    void listsAndGetsConsumers() {
        TestHttp.Reply list = http().get(v3("/consumer-groups/" + group + "/consumers")).expect(200);
        assertEquals("KafkaConsumerList", list.at("kind"));
        assertEquals(1, list.data().size());
        Map<String, Object> consumer = list.data().get(0);
        assertEquals("KafkaConsumer", consumer.get("kind"));
        assertEquals(group, consumer.get("consumer_group_id"));
        assertEquals(memberId, consumer.get("consumer_id"));
        assertEquals("instance-1", consumer.get("instance_id"));
        assertEquals("client-1", consumer.get("client_id"));
        String self = v3Url("/consumer-groups/" + group + "/consumers/" + memberId);
        assertEquals(self, TestHttp.at(consumer, "metadata", "self"));
        assertEquals(self + "/assignments", TestHttp.at(consumer, "assignments", "related"));

        assertEquals(consumer, http().get(v3("/consumer-groups/" + group + "/consumers/" + memberId)).expect(200).map());
        http().get(v3("/consumer-groups/" + group + "/consumers/nobody")).expectError(404, 404);
        http().get(v3("/consumer-groups/no-such-group/consumers")).expectError(404, 404);
    }

    @Test
    void listsAndGetsAConsumersAssignments() {
        String base = "/consumer-groups/" + group + "/consumers/" + memberId + "/assignments";
        TestHttp.Reply list = http().get(v3(base)).expect(200);
        assertEquals("KafkaConsumerAssignmentList", list.at("kind"));
        assertEquals(List.of(0, 1), list.data().stream().map(a -> a.get("partition_id")).toList());
        Map<String, Object> assignment = list.data().get(1);
        assertEquals("KafkaConsumerAssignment", assignment.get("kind"));
        assertEquals(memberId, assignment.get("consumer_id"));
        assertEquals(topic, assignment.get("topic_name"));
        assertEquals(v3Url(base + "/" + topic + "/partitions/1"), TestHttp.at(assignment, "metadata", "self"));
        assertEquals(v3Url("/topics/" + topic + "/partitions/1"), TestHttp.at(assignment, "partition", "related"));
        assertEquals(v3Url("/consumer-groups/" + group + "/lags/" + topic + "/partitions/1"),
                TestHttp.at(assignment, "lag", "related"));

        assertEquals(assignment, http().get(v3(base + "/" + topic + "/partitions/1")).expect(200).map());
        http().get(v3(base + "/" + topic + "/partitions/5")).expectError(404, 404);
    }

    @Test
    void answersTheLagOfEveryCommittedPartition() {
        TestHttp.Reply list = http().get(v3("/consumer-groups/" + group + "/lags")).expect(200);
        assertEquals("KafkaConsumerLagList", list.at("kind"));
        assertEquals(v3Url("/consumer-groups/" + group + "/lags"), list.at("metadata", "self"));
        assertEquals(2, list.data().size(), list.body());
        Map<String, Object> lag = list.data().get(0);
        assertEquals("KafkaConsumerLag", lag.get("kind"));
        assertEquals(group, lag.get("consumer_group_id"));
        assertEquals(topic, lag.get("topic_name"));
        assertEquals(0, lag.get("partition_id"));
        assertEquals(6, lag.get("current_offset"));
        assertEquals(10, lag.get("log_end_offset"));
        assertEquals(4, lag.get("lag"));
        assertEquals(memberId, lag.get("consumer_id"));
        assertEquals("instance-1", lag.get("instance_id"));
        assertEquals("client-1", lag.get("client_id"));
        assertEquals("crn:///kafka=" + clusterId + "/consumer-group=" + group + "/lag=" + topic + "/partition=0",
                TestHttp.at(lag, "metadata", "resource_name"));
        assertEquals(0, list.data().get(1).get("lag"), "partition 1 was read to its end");

        assertEquals(lag, http().get(v3("/consumer-groups/" + group + "/lags/" + topic + "/partitions/0")).expect(200).map());
        http().get(v3("/consumer-groups/" + group + "/lags/" + topic + "/partitions/7")).expectError(404, 404);
        http().get(v3("/consumer-groups/no-such-group/lags")).expectError(404, 404);
    }

    @Test
    void summarizesTheLag() {
        TestHttp.Reply summary = http().get(v3("/consumer-groups/" + group + "/lag-summary")).expect(200);
        Map<String, Object> s = summary.map();
        assertEquals("KafkaConsumerGroupLagSummary", s.get("kind"));
        assertEquals(group, s.get("consumer_group_id"));
        assertEquals(memberId, s.get("max_lag_consumer_id"));
        assertEquals("instance-1", s.get("max_lag_instance_id"));
        assertEquals("client-1", s.get("max_lag_client_id"));
        assertEquals(topic, s.get("max_lag_topic_name"));
        assertEquals(0, s.get("max_lag_partition_id"));
        assertEquals(4, s.get("max_lag"));
        assertEquals(4, s.get("total_lag"));
        assertEquals(v3Url("/consumer-groups/" + group + "/consumers/" + memberId), TestHttp.at(s, "max_lag_consumer",
                "related"));
        assertEquals(v3Url("/topics/" + topic + "/partitions/0"), TestHttp.at(s, "max_lag_partition", "related"));
        assertEquals(v3Url("/consumer-groups/" + group + "/lag-summary"), TestHttp.at(s, "metadata", "self"));
        http().get(v3("/consumer-groups/no-such-group/lag-summary")).expectError(404, 404);
    }

    @Test
    void aGroupWithOffsetsButNoMembersIsEmptyAndItsLagHasNoOwner() throws Exception {
        String empty = "no-members-" + UUID.randomUUID();
        admin.alterConsumerGroupOffsets(empty, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3))).all().get();
        eventually("group visible", () -> http().get(v3("/consumer-groups/" + empty)).expect(200));
        TestHttp.Reply g = http().get(v3("/consumer-groups/" + empty)).expect(200);
        assertEquals("EMPTY", g.at("state"));
        assertEquals(List.of(), http().get(v3("/consumer-groups/" + empty + "/consumers")).expect(200).data());

        Map<String, Object> lag = http().get(v3("/consumer-groups/" + empty + "/lags")).expect(200).data().get(0);
        assertEquals(7, lag.get("lag"));
        assertEquals("", lag.get("consumer_id"));
        assertNull(lag.get("instance_id"));
        assertEquals("", lag.get("client_id"));
        Map<String, Object> summary = http().get(v3("/consumer-groups/" + empty + "/lag-summary")).expect(200).map();
        assertEquals(7, summary.get("total_lag"));
        assertNull(summary.get("max_lag_consumer"), "no member owns the partition");
    }

    @Test
    void aGroupThatCommittedNothingHasNoLag() throws Exception {
        String uncommitted = "uncommitted-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(uncommitted, Map.of())) {
            consumer.subscribe(List.of(topic));
            awaitAssignment(consumer, 2);
            assertEquals(List.of(), http().get(v3("/consumer-groups/" + uncommitted + "/lags")).expect(200).data());
            http().get(v3("/consumer-groups/" + uncommitted + "/lag-summary")).expectError(404, 404);
        }
    }

    @Test
    void describesAConsumerProtocolGroup() throws Exception {
        String modern = "kip848-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(modern, Map.of("group.protocol", "consumer"))) {
            consumer.subscribe(List.of(topic));
            awaitAssignment(consumer, 2);
            eventually("the group is described as a consumer group", () -> {
                Map<String, Object> g = http().get(v3("/consumer-groups/" + modern)).expect(200).map();
                assertEquals("CONSUMER", g.get("type"));
                assertEquals("STABLE", g.get("state"));
                assertEquals("uniform", g.get("partition_assignor"));
                assertEquals(1, http().get(v3("/consumer-groups/" + modern + "/consumers")).expect(200).data().size());
            });
        }
    }

    private KafkaConsumer<String, String> consumer(String groupId, Map<String, String> extra) {
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrapServers(), "group.id", groupId,
                "enable.auto.commit", "false", "auto.offset.reset", "earliest"));
        config.putAll(extra);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer, int partitions) {
        Wait.until(Duration.ofSeconds(30), "an assignment of " + partitions + " partitions", () -> {
            consumer.poll(Duration.ofMillis(100));
            return consumer.assignment().size() >= partitions;
        });
    }
}
