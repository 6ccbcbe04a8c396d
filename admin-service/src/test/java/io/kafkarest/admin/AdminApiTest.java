package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.testing.TestKafka;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest implements TestPropertyProvider {
    private final int managementPort = EmbeddedKafka.freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private Admin admin;
    private String topic;
    private String clusterId;

    @Inject
    EmbeddedServer server;
    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @BeforeAll
    void createTopic() throws Exception {
        admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
        topic = "admin-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "123456"))))
                .all().get();
        clusterId = admin.describeCluster().clusterId().get();
    }

    @AfterAll
    void close() {
        admin.close();
    }

    @Test
    void listsTopicsAsV2() throws Exception {
        Reply reply = get("/topics");
        assertEquals(200, reply.status);
        assertEquals("application/vnd.kafka.v2+json", reply.contentType);
        List<String> names = json.readValue(reply.body, Argument.listOf(String.class));
        assertTrue(names.contains(topic), names.toString());
    }

    @Test
    void describesTopicWithPartitionsReplicasAndNonDefaultConfigs() throws Exception {
        Map<String, Object> body = map(get("/topics/" + topic));
        assertEquals(topic, body.get("name"));
        assertEquals(Map.of("retention.ms", "123456"), body.get("configs"));
        List<Map<String, Object>> partitions = list(body.get("partitions"));
        assertEquals(3, partitions.size());
        Map<String, Object> first = partitions.get(0);
        assertEquals(0, first.get("partition"));
        List<Map<String, Object>> replicas = list(first.get("replicas"));
        assertEquals(1, replicas.size());
        assertEquals(first.get("leader"), replicas.get(0).get("broker"));
        assertEquals(true, replicas.get(0).get("leader"));
        assertEquals(true, replicas.get(0).get("in_sync"));

        Map<String, Object> partition2 = map(get("/topics/" + topic + "/partitions/2"));
        assertEquals(2, partition2.get("partition"));
        assertEquals(3, list(json.readValue(get("/topics/" + topic + "/partitions").body, Object.class)).size());
    }

    @Test
    void aTopicWithDefaultConfigsShowsAnEmptyConfigsObject() throws Exception {
        String plain = "plain-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(plain, 1, (short) 1))).all().get();
        Reply reply = get("/topics/" + plain);
        assertEquals(200, reply.status);
        assertTrue(reply.body.contains("\"configs\":{}"), reply.body);
    }

    @Test
    void unknownTopicAndPartitionAreNotFoundWithTheirErrorCodes() throws Exception {
        Reply topicReply = get("/topics/no-such-topic-" + UUID.randomUUID());
        assertEquals(404, topicReply.status);
        assertEquals(40401, map(topicReply).get("error_code"));

        Reply partitionReply = get("/topics/" + topic + "/partitions/7");
        assertEquals(404, partitionReply.status);
        assertEquals(40402, map(partitionReply).get("error_code"));
    }

    @Test
    void listsBrokers() throws Exception {
        List<Integer> expected = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
        Map<String, Object> body = map(get("/brokers"));
        assertEquals(expected, body.get("brokers"));
    }

    @Test
    void listsTheClusterAsV3WithLinksToTheClientFacingUrl() throws Exception {
        Reply reply = send(HttpRequest.newBuilder(uri("/v3/clusters"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gateway.example:8443").GET().build());
        assertEquals(200, reply.status);
        Map<String, Object> body = map(reply);
        assertEquals("KafkaClusterList", body.get("kind"));
        Map<String, Object> metadata = map(body.get("metadata"));
        assertEquals("https://gateway.example:8443/v3/clusters", metadata.get("self"));
        assertTrue(metadata.containsKey("next"));
        assertNull(metadata.get("next"));
        Map<String, Object> cluster = list(body.get("data")).get(0);
        assertEquals(clusterId, cluster.get("cluster_id"));
        assertEquals("crn:///kafka=" + clusterId, map(cluster.get("metadata")).get("resource_name"));
        int controller = admin.describeCluster().controller().get().id();
        assertEquals("https://gateway.example:8443/v3/clusters/" + clusterId + "/brokers/" + controller,
                map(cluster.get("controller")).get("related"));
        assertEquals("https://gateway.example:8443/v3/clusters/" + clusterId + "/topics",
                map(cluster.get("topics")).get("related"));

        assertEquals(clusterId, map(get("/v3/clusters/" + clusterId)).get("cluster_id"));
        Reply unknown = get("/v3/clusters/not-this-cluster");
        assertEquals(404, unknown.status);
        assertEquals(404, map(unknown).get("error_code"));
    }

    @Test
    void createsTopicsThroughV3() throws Exception {
        String name = "v3-created-" + UUID.randomUUID();
        Reply created = post("/v3/clusters/" + clusterId + "/topics",
                "{\"topic_name\":\"" + name + "\",\"partitions_count\":4,\"replication_factor\":1,"
                        + "\"configs\":[{\"name\":\"cleanup.policy\",\"value\":\"compact\"}]}");
        assertEquals(201, created.status, created.body);
        Map<String, Object> body = map(created);
        assertEquals("KafkaTopic", body.get("kind"));
        assertEquals(name, body.get("topic_name"));
        assertEquals(4, body.get("partitions_count"));
        assertEquals(1, body.get("replication_factor"));
        assertEquals(false, body.get("is_internal"));
        assertEquals("http://localhost:" + server.getPort() + "/v3/clusters/" + clusterId + "/topics/" + name,
                map(body.get("metadata")).get("self"), "links use the Host the client called");

        assertEquals(4, admin.describeTopics(Set.of(name)).allTopicNames().get().get(name).partitions().size());
        var config = admin.describeConfigs(Set.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, name))).all().get().values().iterator().next();
        assertEquals("compact", config.get("cleanup.policy").value());

        Reply again = post("/v3/clusters/" + clusterId + "/topics", "{\"topic_name\":\"" + name + "\"}");
        assertEquals(400, again.status);
        assertEquals(40002, map(again).get("error_code"));

        Map<String, Object> listed = map(get("/v3/clusters/" + clusterId + "/topics/" + name));
        assertEquals(4, listed.get("partitions_count"));
    }

    @Test
    void rejectsBadTopicCreationsWithoutCreatingAnything() throws Exception {
        Reply missingName = post("/v3/clusters/" + clusterId + "/topics", "{\"partitions_count\":1}");
        assertEquals(400, missingName.status);
        assertTrue(map(missingName).get("message").toString().contains("topic_name"));

        String name = "bad-count-" + UUID.randomUUID();
        Reply badCount = post("/v3/clusters/" + clusterId + "/topics",
                "{\"topic_name\":\"" + name + "\",\"partitions_count\":0}");
        assertEquals(400, badCount.status);
        assertTrue(map(badCount).get("message").toString().contains("partitions_count"));
        assertFalse(admin.listTopics().names().get().contains(name));

        Reply unknownCluster = post("/v3/clusters/nope/topics", "{\"topic_name\":\"" + name + "\"}");
        assertEquals(404, unknownCluster.status);
        assertFalse(admin.listTopics().names().get().contains(name));

        Reply malformed = post("/v3/clusters/" + clusterId + "/topics", "{not json");
        assertEquals(400, malformed.status);
        assertEquals(400, map(malformed).get("error_code"));
    }

    @Test
    void deletesTopicsThroughV3() throws Exception {
        String name = "to-delete-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        Reply deleted = send(HttpRequest.newBuilder(uri("/v3/clusters/" + clusterId + "/topics/" + name)).DELETE().build());
        assertEquals(204, deleted.status);
        TestKafka.await(java.time.Duration.ofSeconds(10), "topic deleted", () -> {
            try {
                return !admin.listTopics().names().get().contains(name);
            } catch (Exception e) {
                return false;
            }
        });
        Reply again = send(HttpRequest.newBuilder(uri("/v3/clusters/" + clusterId + "/topics/" + name)).DELETE().build());
        assertEquals(404, again.status);
        assertEquals(40401, map(again).get("error_code"));
    }

    @Test
    void unknownPathsAnswerInTheStandardErrorShape() throws Exception {
        Reply reply = get("/no/such/path");
        assertEquals(404, reply.status);
        assertEquals(404, map(reply).get("error_code"));
    }

    @Test
    void readinessOnTheManagementPortReflectsKafka() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("UP"), response.body());
        assertEquals(404, get("/health/readiness").status, "management is not on the API port");
    }

    private record Reply(int status, String contentType, String body) {
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Reply post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private Map<String, Object> map(Reply reply) throws IOException {
        return json.readValue(reply.body, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
