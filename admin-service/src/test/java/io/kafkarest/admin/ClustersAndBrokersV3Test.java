package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

/** v3 clusters and brokers; the cluster id check every v3 path goes through. */
@MicronautTest
class ClustersAndBrokersV3Test extends AdminServiceTest {

    @Test
    void listsTheClusterWithLinksToTheClientFacingUrl() throws Exception {
        TestHttp.Reply reply = http().get("/v3/clusters",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "gateway.example:8443").expect(200);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("KafkaClusterList", reply.at("kind"));
        assertEquals("https://gateway.example:8443/v3/clusters", reply.at("metadata", "self"));
        assertTrue(reply.map().get("metadata") instanceof Map<?, ?> m && m.containsKey("next") && m.get("next") == null);
        Map<String, Object> cluster = reply.data().get(0);
        String base = "https://gateway.example:8443/v3/clusters/" + clusterId;
        assertEquals("KafkaCluster", cluster.get("kind"));
        assertEquals(clusterId, cluster.get("cluster_id"));
        assertEquals(base, TestHttp.at(cluster, "metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId, TestHttp.at(cluster, "metadata", "resource_name"));
        int controller = admin.describeCluster().controller().get().id();
        assertEquals(base + "/brokers/" + controller, TestHttp.at(cluster, "controller", "related"));
        assertEquals(base + "/acls", TestHttp.at(cluster, "acls", "related"));
        assertEquals(base + "/brokers", TestHttp.at(cluster, "brokers", "related"));
        assertEquals(base + "/broker-configs", TestHttp.at(cluster, "broker_configs", "related"));
        assertEquals(base + "/consumer-groups", TestHttp.at(cluster, "consumer_groups", "related"));
        assertEquals(base + "/topics", TestHttp.at(cluster, "topics", "related"));
        assertEquals(base + "/topics/-/partitions/-/reassignment",
                TestHttp.at(cluster, "partition_reassignments", "related"));

        TestHttp.Reply one = http().get(v3("")).expect(200);
        assertEquals(clusterId, one.at("cluster_id"));
        assertEquals(v3Url(""), one.at("metadata", "self"));
    }

    @Test
    void aClusterIdThatIsNotThisClustersIsNotFoundOnEveryPath() throws Exception {
        for (String path : List.of("", "/topics", "/brokers", "/brokers/1", "/consumer-groups", "/acls",
                "/broker-configs", "/topics/-/configs", "/topics/-/partitions/-/reassignment")) {
            TestHttp.Reply reply = http().get("/v3/clusters/not-this-cluster" + path).expectError(404, 404);
            assertTrue(reply.message().contains("not-this-cluster"), reply.body());
        }
        String name = "never-created-" + System.nanoTime();
        http().post("/v3/clusters/not-this-cluster/topics", "{\"topic_name\":\"" + name + "\"}").expectError(404, 404);
        assertFalse(topicExists(name), "nothing is created in a cluster that does not match");
    }

    @Test
    void listsAndGetsBrokers() throws Exception {
        List<Node> nodes = admin.describeCluster().nodes().get().stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
        TestHttp.Reply list = http().get(v3("/brokers")).expect(200);
        assertEquals("KafkaBrokerList", list.at("kind"));
        assertEquals(v3Url("/brokers"), list.at("metadata", "self"));
        assertEquals(nodes.size(), list.data().size());
        Node node = nodes.get(0);
        Map<String, Object> broker = list.data().get(0);
        assertEquals("KafkaBroker", broker.get("kind"));
        assertEquals(node.id(), broker.get("broker_id"));
        assertEquals(node.host(), broker.get("host"));
        assertEquals(node.port(), broker.get("port"));
        assertTrue(broker.containsKey("rack"));
        assertNull(broker.get("rack"));
        assertEquals(clusterId, broker.get("cluster_id"));
        assertEquals("crn:///kafka=" + clusterId + "/broker=" + node.id(), TestHttp.at(broker, "metadata",
                "resource_name"));
        assertEquals(v3Url("/brokers/" + node.id() + "/configs"), TestHttp.at(broker, "configs", "related"));
        assertEquals(v3Url("/brokers/" + node.id() + "/partition-replicas"),
                TestHttp.at(broker, "partition_replicas", "related"));

        assertEquals(broker, http().get(v3("/brokers/" + node.id())).expect(200).map());
        TestHttp.Reply unknown = http().get(v3("/brokers/4242")).expectError(404, 404);
        assertTrue(unknown.message().contains("4242"), unknown.body());
        http().get(v3("/brokers/not-a-number")).expectError(400, 400);
    }

    @Test
    void listsThePartitionReplicasABrokerHosts() throws Exception {
        String topic = createTopic(2);
        int brokerId = admin.describeCluster().nodes().get().iterator().next().id();
        TestHttp.Reply reply = http().get(v3("/brokers/" + brokerId + "/partition-replicas")).expect(200);
        assertEquals("KafkaReplicaList", reply.at("kind"));
        assertEquals(v3Url("/brokers/" + brokerId + "/partition-replicas"), reply.at("metadata", "self"));
        List<Map<String, Object>> ofTopic = reply.data().stream().filter(r -> topic.equals(r.get("topic_name"))).toList();
        assertEquals(2, ofTopic.size(), reply.body());
        Map<String, Object> replica = ofTopic.get(0);
        assertEquals("KafkaReplica", replica.get("kind"));
        assertEquals(0, replica.get("partition_id"));
        assertEquals(brokerId, replica.get("broker_id"));
        assertEquals(true, replica.get("is_leader"));
        assertEquals(true, replica.get("is_in_sync"));
        assertEquals(v3Url("/topics/" + topic + "/partitions/0/replicas/" + brokerId),
                TestHttp.at(replica, "metadata", "self"));
        assertEquals(v3Url("/brokers/" + brokerId), TestHttp.at(replica, "broker", "related"));

        http().get(v3("/brokers/4242/partition-replicas")).expectError(404, 404);
    }

    @Test
    void aclsOnABrokerWithoutAuthorizerAnswerKafkasBadRequest() {
        TestHttp.Reply reply = http().get(v3("/acls")).expectError(400, 40002);
        assertTrue(reply.message().toLowerCase().contains("authorizer"), reply.body());
        http().post(v3("/acls"), """
                {"resource_type":"TOPIC","resource_name":"t","pattern_type":"LITERAL","principal":"User:alice",
                 "host":"*","operation":"READ","permission":"ALLOW"}""").expectError(400, 40002);
    }
}
