package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v1/v2 metadata: topics, partitions, partition offsets and brokers, in every accepted content type. */
@MicronautTest
class MetadataV2Test extends AdminServiceTest {
    private String topic;

    @BeforeAll
    void createTopicWithAnOverride() throws Exception {
        topic = createTopic(3, Map.of("retention.ms", "123456"));
    }

    @Test
    void listsTopicsInTheContentTypeAsked() {
        TestHttp.Reply v2 = http().get("/topics").expect(200);
        assertEquals("application/vnd.kafka.v2+json", v2.header("Content-Type"), "v2 is the default");
        assertTrue(v2.list().contains(topic), v2.body());

        TestHttp.Reply v1 = http().get("/topics", "Accept", "application/vnd.kafka.v1+json").expect(200);
        assertEquals("application/vnd.kafka.v1+json", v1.header("Content-Type"));
        assertTrue(v1.list().contains(topic));

        for (String accept : List.of("application/vnd.kafka+json", "application/json")) {
            TestHttp.Reply reply = http().get("/topics", "Accept", accept).expect(200);
            assertEquals(accept, reply.header("Content-Type"));
        }
    }

    @Test
    void describesTopicWithPartitionsReplicasAndItsOwnConfigs() {
        TestHttp.Reply reply = http().get("/topics/" + topic).expect(200);
        Map<String, Object> body = reply.map();
        assertEquals(topic, body.get("name"));
        assertEquals(Map.of("retention.ms", "123456"), body.get("configs"), "only the topic's own settings");
        List<Map<String, Object>> partitions = TestHttp.maps(body.get("partitions"));
        assertEquals(3, partitions.size());
        Map<String, Object> first = partitions.get(0);
        assertEquals(0, first.get("partition"));
        List<Map<String, Object>> replicas = TestHttp.maps(first.get("replicas"));
        assertEquals(1, replicas.size());
        assertEquals(first.get("leader"), replicas.get(0).get("broker"));
        assertEquals(true, replicas.get(0).get("leader"));
        assertEquals(true, replicas.get(0).get("in_sync"));

        assertEquals(2, http().get("/topics/" + topic + "/partitions/2").expect(200).map().get("partition"));
        assertEquals(3, http().get("/topics/" + topic + "/partitions").expect(200).list().size());
    }

    @Test
    void aTopicWithDefaultConfigsShowsAnEmptyConfigsObject() throws Exception {
        String plain = createTopic(1);
        TestHttp.Reply reply = http().get("/topics/" + plain).expect(200);
        assertTrue(reply.body().contains("\"configs\":{}"), reply.body());
    }

    @Test
    void partitionOffsetsFollowWhatIsWritten() throws Exception {
        String written = createTopic(2);
        produce(written, 1, 5);
        TestHttp.Reply reply = http().get("/topics/" + written + "/partitions/1/offsets").expect(200);
        assertEquals(Map.of("beginning_offset", 0, "end_offset", 5), reply.map());
        assertEquals(Map.of("beginning_offset", 0, "end_offset", 0),
                http().get("/topics/" + written + "/partitions/0/offsets").expect(200).map());
    }

    @Test
    void unknownTopicAndPartitionAreNotFoundWithTheirErrorCodes() {
        long start = System.nanoTime();
        TestHttp.Reply unknown = http().get("/topics/no-such-topic").expectError(404, 40401);
        assertTrue(unknown.message().contains("no-such-topic"), unknown.body());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "an unknown topic answers at once");
        http().get("/topics/no-such-topic/partitions").expectError(404, 40401);
        http().get("/topics/no-such-topic/partitions/0/offsets").expectError(404, 40401);
        http().get("/topics/" + topic + "/partitions/7").expectError(404, 40402);
        http().get("/topics/" + topic + "/partitions/7/offsets").expectError(404, 40402);
    }

    @Test
    void listsBrokers() throws Exception {
        List<Integer> expected = admin.describeCluster().nodes().get().stream().map(Node::id).sorted().toList();
        assertEquals(Map.of("brokers", expected), http().get("/brokers").expect(200).map());
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheStandardErrorShape() {
        http().get("/no/such/path").expectError(404, 404);
        http().delete("/topics/" + topic).expectError(405, 405);
    }

    @Test
    void readinessOnTheManagementPortReflectsKafka() throws Exception {
        TestHttp.Reply response = TestHttp.to("http://localhost:" + managementPort).get("/health/readiness");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().contains("UP"), response.body());
        http().get("/health/readiness").expect(404);
    }
}
