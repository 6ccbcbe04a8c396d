package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v3 partitions, their offsets, replicas and reassignments. */
@MicronautTest
class PartitionsV3Test extends AdminServiceTest {
    private String topic;
    private int broker;

    @BeforeAll
    void createTopicWithRecords() throws Exception {
        topic = createTopic(3);
        produce(topic, 2, 7);
        broker = admin.describeCluster().nodes().get().iterator().next().id();
    }

    @Test
    void listsAndGetsPartitions() {
        TestHttp.Reply list = http().get(v3("/topics/" + topic + "/partitions")).expect(200);
        assertEquals("KafkaPartitionList", list.at("kind"));
        assertEquals(v3Url("/topics/" + topic + "/partitions"), list.at("metadata", "self"));
        assertEquals(List.of(0, 1, 2), list.data().stream().map(p -> p.get("partition_id")).toList());

        Map<String, Object> partition = http().get(v3("/topics/" + topic + "/partitions/1")).expect(200).map();
        assertEquals(list.data().get(1), partition);
        assertEquals("KafkaPartition", partition.get("kind"));
        assertEquals(clusterId, partition.get("cluster_id"));
        assertEquals(topic, partition.get("topic_name"));
        String self = v3Url("/topics/" + topic + "/partitions/1");
        assertEquals(self, TestHttp.at(partition, "metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId + "/topic=" + topic + "/partition=1",
                TestHttp.at(partition, "metadata", "resource_name"));
        assertEquals(self + "/replicas/" + broker, TestHttp.at(partition, "leader", "related"));
        assertEquals(self + "/replicas", TestHttp.at(partition, "replicas", "related"));
        assertEquals(self + "/reassignment", TestHttp.at(partition, "reassignment", "related"));

        http().get(v3("/topics/" + topic + "/partitions/9")).expectError(404, 40402);
        http().get(v3("/topics/no-such-topic/partitions")).expectError(404, 40401);
        http().get(v3("/topics/no-such-topic/partitions/0")).expectError(404, 40401);
    }

    @Test
    void answersThePartitionsEarliestAndLatestOffsets() {
        String path = v3("/topics/" + topic + "/partitions/2/offset");
        TestHttp.Reply both = http().get(path + "?offset_type=earliest_and_latest").expect(200);
        assertEquals("KafkaPartitionWithOffsets", both.at("kind"));
        assertEquals(topic, both.at("topic_name"));
        assertEquals(2, both.at("partition_id"));
        assertEquals(0, both.at("earliest_offset"));
        assertEquals(7, both.at("latest_offset"));
        assertEquals(v3Url("/topics/" + topic + "/partitions/2/offset?offset_type=earliest_and_latest"),
                both.at("metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId + "/topic=" + topic + "/partition=2/offset_type=earliest_and_latest",
                both.at("metadata", "resource_name"));
        assertEquals(both.map(), http().get(path).expect(200).map(), "both by default");

        Map<String, Object> earliest = http().get(path + "?offset_type=earliest").expect(200).map();
        assertEquals(0, earliest.get("earliest_offset"));
        assertEquals(v3Url("/topics/" + topic + "/partitions/2/offset?offset_type=earliest"),
                TestHttp.at(earliest, "metadata", "self"));
        assertFalse(earliest.containsKey("latest_offset"));
        Map<String, Object> latest = http().get(path + "?offset_type=latest").expect(200).map();
        assertEquals(7, latest.get("latest_offset"));
        assertFalse(latest.containsKey("earliest_offset"));

        assertTrue(http().get(path + "?offset_type=middle").expectError(400, 400).message().contains("offset_type"));
        http().get(v3("/topics/" + topic + "/partitions/9/offset")).expectError(404, 40402);
        http().get(v3("/topics/no-such-topic/partitions/0/offset")).expectError(404, 40401);
    }

    @Test
    void listsAndGetsReplicas() {
        TestHttp.Reply list = http().get(v3("/topics/" + topic + "/partitions/0/replicas")).expect(200);
        assertEquals("KafkaReplicaList", list.at("kind"));
        assertEquals(1, list.data().size());
        Map<String, Object> replica = list.data().get(0);
        assertEquals("KafkaReplica", replica.get("kind"));
        assertEquals(topic, replica.get("topic_name"));
        assertEquals(0, replica.get("partition_id"));
        assertEquals(broker, replica.get("broker_id"));
        assertEquals(true, replica.get("is_leader"));
        assertEquals(true, replica.get("is_in_sync"));
        assertEquals("crn:///kafka=" + clusterId + "/topic=" + topic + "/partition=0/replica=" + broker,
                TestHttp.at(replica, "metadata", "resource_name"));
        assertEquals(v3Url("/brokers/" + broker), TestHttp.at(replica, "broker", "related"));

        assertEquals(replica, http().get(v3("/topics/" + topic + "/partitions/0/replicas/" + broker)).expect(200).map());
        http().get(v3("/topics/" + topic + "/partitions/0/replicas/4242")).expectError(404, 404);
        http().get(v3("/topics/" + topic + "/partitions/9/replicas")).expectError(404, 40402);
    }

    @Test
    void reassignmentsListWhatIsOngoingAndNothingIsOngoingHere() {
        TestHttp.Reply all = http().get(v3("/topics/-/partitions/-/reassignment")).expect(200);
        assertEquals("KafkaReassignmentList", all.at("kind"));
        assertEquals(v3Url("/topics/-/partitions/-/reassignment"), all.at("metadata", "self"));
        assertEquals(List.of(), all.data(), "a single broker has nothing to move");

        TestHttp.Reply ofTopic = http().get(v3("/topics/" + topic + "/partitions/-/reassignment")).expect(200);
        assertEquals(v3Url("/topics/" + topic + "/partitions/-/reassignment"), ofTopic.at("metadata", "self"));
        assertEquals(List.of(), ofTopic.data());

        TestHttp.Reply none = http().get(v3("/topics/" + topic + "/partitions/0/reassignment")).expectError(404, 404);
        assertTrue(none.message().contains("reassignment"), none.body());
        http().get(v3("/topics/no-such-topic/partitions/-/reassignment")).expectError(404, 40401);
        http().get(v3("/topics/" + topic + "/partitions/9/reassignment")).expectError(404, 40402);
    }
}
