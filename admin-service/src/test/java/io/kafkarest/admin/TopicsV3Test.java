package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** v3 topics: list, get, create (and validate only), raise the partition count, delete, and their errors. */
@MicronautTest
class TopicsV3Test extends AdminServiceTest {

    @Test
    void createsATopicWithCountsAndConfigs() throws Exception {
        String name = "created-" + UUID.randomUUID();
        TestHttp.Reply created = http().post(v3("/topics"), "{\"topic_name\":\"" + name + "\",\"partitions_count\":4,"
                + "\"replication_factor\":1,\"configs\":[{\"name\":\"cleanup.policy\",\"value\":\"compact\"}]}")
                .expect(201);
        assertEquals(v3Url("/topics/" + name), created.header("Location"));
        Map<String, Object> body = created.map();
        assertEquals("KafkaTopic", body.get("kind"));
        assertEquals(clusterId, body.get("cluster_id"));
        assertEquals(name, body.get("topic_name"));
        assertEquals(4, body.get("partitions_count"));
        assertEquals(1, body.get("replication_factor"));
        assertEquals(false, body.get("is_internal"));
        assertEquals(v3Url("/topics/" + name), TestHttp.at(body, "metadata", "self"));
        assertEquals("crn:///kafka=" + clusterId + "/topic=" + name, TestHttp.at(body, "metadata", "resource_name"));
        assertEquals(v3Url("/topics/" + name + "/partitions"), TestHttp.at(body, "partitions", "related"));
        assertEquals(v3Url("/topics/" + name + "/configs"), TestHttp.at(body, "configs", "related"));
        assertEquals(v3Url("/topics/" + name + "/partitions/-/reassignment"),
                TestHttp.at(body, "partition_reassignments", "related"));
        assertFalse(body.containsKey("authorized_operations"), "only when asked for");

        eventually("topic created as asked", () -> {
            assertEquals(4, describe(name).partitions().size());
            assertEquals("compact", topicConfig(name).get("cleanup.policy").value());
        });
    }

    @Test
    void aTopicNameIsEnoughAndTheBrokerDefaultsApply() throws Exception {
        String name = "defaults-" + UUID.randomUUID();
        TestHttp.Reply created = http().post(v3("/topics"), "{\"topic_name\":\"" + name + "\"}").expect(201);
        assertEquals(1, created.at("partitions_count"), "the broker's num.partitions");
        eventually("topic created", () -> assertEquals(1, describe(name).partitions().size()));
    }

    @Test
    void validateOnlyAnswersTheTopicThatWouldBeCreatedAndCreatesNothing() throws Exception {
        String name = "dry-run-" + UUID.randomUUID();
        TestHttp.Reply reply = http().post(v3("/topics"),
                "{\"topic_name\":\"" + name + "\",\"partitions_count\":6,\"validate_only\":true}").expect(200);
        assertEquals(name, reply.at("topic_name"));
        assertEquals(6, reply.at("partitions_count"));
        assertEquals(1, reply.at("replication_factor"));
        assertEquals(null, reply.header("Location"));
        assertFalse(topicExists(name), "validate_only creates nothing");

        http().post(v3("/topics"), "{\"topic_name\":\"" + name + "\",\"replication_factor\":9,\"validate_only\":true}")
                .expectError(400, 40002);
    }

    @Test
    void createsATopicFromAnExplicitReplicasAssignment() throws Exception {
        int broker = admin.describeCluster().nodes().get().iterator().next().id();
        String name = "assigned-" + UUID.randomUUID();
        TestHttp.Reply created = http().post(v3("/topics"), "{\"topic_name\":\"" + name
                + "\",\"replicas_assignments\":["
                + "{\"partition_id\":0,\"broker_ids\":[" + broker + "]},"
                + "{\"partition_id\":1,\"broker_ids\":[" + broker + "]}]}").expect(201);
        assertEquals(2, created.at("partitions_count"));
        eventually("topic created on the assigned broker", () -> {
            TopicDescription description = describe(name);
            assertEquals(2, description.partitions().size());
            assertEquals(broker, description.partitions().get(1).replicas().get(0).id());
        });

        TestHttp.Reply combined = http().post(v3("/topics"), "{\"topic_name\":\"x-" + UUID.randomUUID()
                + "\",\"partitions_count\":2,\"replicas_assignments\":[{\"partition_id\":0,\"broker_ids\":[1]}]}")
                .expectError(400, 400);
        assertTrue(combined.message().contains("replicas_assignments"), combined.body());
        String unknownBroker = "bad-broker-" + UUID.randomUUID();
        http().post(v3("/topics"), "{\"topic_name\":\"" + unknownBroker
                + "\",\"replicas_assignments\":[{\"partition_id\":0,\"broker_ids\":[4242]}]}").expectError(400, 40002);
        assertFalse(topicExists(unknownBroker));
    }

    @Test
    void refusesBadCreationsWithMessagesThatNameTheProblemAndCreatesNothing() throws Exception {
        Set<String> before = topicNames();
        assertTrue(http().post(v3("/topics"), "{\"partitions_count\":1}").expectError(400, 400).message()
                .contains("topic_name"));
        assertTrue(http().post(v3("/topics"), "{\"topic_name\":\"zero-" + UUID.randomUUID() + "\",\"partitions_count\":0}")
                .expectError(400, 400).message().contains("partitions_count"));
        assertTrue(http().post(v3("/topics"), "{\"topic_name\":\"rf-" + UUID.randomUUID() + "\",\"replication_factor\":0}")
                .expectError(400, 400).message().contains("replication_factor"));
        assertTrue(http().post(v3("/topics"), "{\"topic_name\":\"cfg-" + UUID.randomUUID() + "\",\"configs\":[{\"value\":\"1\"}]}")
                .expectError(400, 400).message().contains("configs[0].name"));
        http().post(v3("/topics"), "{not json").expectError(400, 400);
        http().post(v3("/topics"), "{\"topic_name\":\"type-" + UUID.randomUUID() + "\",\"partitions_count\":\"many\"}")
                .expectError(400, 400);

        TestHttp.Reply tooManyReplicas = http().post(v3("/topics"),
                "{\"topic_name\":\"rf9-" + UUID.randomUUID() + "\",\"replication_factor\":9}").expectError(400, 40002);
        assertTrue(tooManyReplicas.message().contains("replication factor"), tooManyReplicas.body());
        TestHttp.Reply unknownConfig = http().post(v3("/topics"), "{\"topic_name\":\"bogus-" + UUID.randomUUID()
                + "\",\"configs\":[{\"name\":\"no.such.config\",\"value\":\"1\"}]}").expectError(400, 40002);
        assertTrue(unknownConfig.message().contains("no.such.config"), unknownConfig.body());
        http().post(v3("/topics"), "{\"topic_name\":\"bad name!\"}").expectError(400, 40002);
        assertEquals(before, topicNames(), "no failed request created a topic");

        String existing = createTopic(1);
        TestHttp.Reply again = http().post(v3("/topics"), "{\"topic_name\":\"" + existing + "\"}").expectError(400,
                40002);
        assertTrue(again.message().contains(existing), again.body());
    }

    @Test
    void getsAndListsTopics() throws Exception {
        String topic = createTopic(3);
        TestHttp.Reply one = http().get(v3("/topics/" + topic)).expect(200);
        assertEquals(3, one.at("partitions_count"));
        assertEquals(1, one.at("replication_factor"));
        assertEquals(false, one.at("is_internal"));

        TestHttp.Reply list = http().get(v3("/topics")).expect(200);
        assertEquals("KafkaTopicList", list.at("kind"));
        assertEquals(v3Url("/topics"), list.at("metadata", "self"));
        assertEquals(one.map(), list.data().stream().filter(t -> topic.equals(t.get("topic_name"))).findFirst().orElseThrow());
        List<String> names = list.data().stream().map(t -> (String) t.get("topic_name")).toList();
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");

        http().get(v3("/topics/no-such-topic")).expectError(404, 40401);
    }

    @Test
    void authorizedOperationsAreIncludedWhenAskedFor() throws Exception {
        String topic = createTopic(1);
        for (String query : List.of("?includeAuthorizedOperations=true", "?include_authorized_operations=true")) {
            TestHttp.Reply one = http().get(v3("/topics/" + topic + query)).expect(200);
            assertTrue(one.map().get("authorized_operations") instanceof List<?>, one.body());
            TestHttp.Reply list = http().get(v3("/topics" + query)).expect(200);
            assertTrue(list.data().stream().allMatch(t -> t.get("authorized_operations") instanceof List<?>),
                    list.body());
        }
    }

    @Test
    void raisesThePartitionCount() throws Exception {
        String topic = createTopic(2);
        TestHttp.Reply raised = http().patch(v3("/topics/" + topic), "{\"partitions_count\":5}").expect(200);
        assertEquals("KafkaTopic", raised.at("kind"));
        assertEquals(5, raised.at("partitions_count"));
        eventually("5 partitions", () -> assertEquals(5, describe(topic).partitions().size()));

        TestHttp.Reply lower = http().patch(v3("/topics/" + topic), "{\"partitions_count\":3}").expectError(400, 40002);
        assertTrue(lower.message().contains("5"), lower.body());
        http().patch(v3("/topics/" + topic), "{}").expectError(400, 400);
        http().patch(v3("/topics/no-such-topic"), "{\"partitions_count\":3}").expectError(404, 40401);
    }

    @Test
    void deletesTopics() throws Exception {
        String topic = createTopic(1);
        http().delete(v3("/topics/" + topic)).expect(204);
        eventually("topic deleted", () -> assertFalse(topicExists(topic)));
        http().delete(v3("/topics/" + topic)).expectError(404, 40401);
    }

    private TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
    }

    private Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }
}
