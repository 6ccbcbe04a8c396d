package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.testing.TestHttp.Reply;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The worker-level API on a real embedded Connect worker: root, plugins, validation, health, loggers, errors. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectWorkerApiTest implements TestPropertyProvider {
    private Map<String, String> properties;

    @Inject
    EmbeddedServer server;
    @Inject
    Admin admin;

    @Override
    public Map<String, String> getProperties() {
        properties = ConnectTestSupport.workerProperties("worker-api");
        return properties;
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @BeforeAll
    void workerJoined() {
        ConnectTestSupport.awaitWorkerReady(url(""));
    }

    @Test
    void rootAnswersVersionCommitAndTheBrokersClusterId() throws Exception {
        Reply response = HTTP.get(url("/"));

        assertEquals(200, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
        JsonNode root = response.json();
        assertEquals(AppInfoParser.getVersion(), root.get("version").asText());
        assertEquals(AppInfoParser.getCommitId(), root.get("commit").asText());
        assertEquals(admin.describeCluster().clusterId().get(), root.get("kafka_cluster_id").asText());
        assertEquals(3, root.size(), response.body());
    }

    @Test
    void connectorPluginsListTheFileConnectors() {
        Reply response = HTTP.get(url("/connector-plugins"));

        assertEquals(200, response.status(), response.toString());
        Map<String, String> types = typesByClass(response.json());
        assertEquals("source", types.get("org.apache.kafka.connect.file.FileStreamSourceConnector"), response.body());
        assertEquals("sink", types.get("org.apache.kafka.connect.file.FileStreamSinkConnector"), response.body());
        assertTrue(types.values().stream().allMatch(t -> t.equals("source") || t.equals("sink")), response.body());
        for (JsonNode plugin : response.json()) {
            assertEquals(AppInfoParser.getVersion(), plugin.get("version").asText(), plugin.toString());
        }
        // with a trailing slash too, as in Connect's docs
        assertEquals(200, HTTP.get(url("/connector-plugins/")).status());
    }

    @Test
    void allPluginsIncludeTransformationsAndConverters() {
        Reply response = HTTP.get(url("/connector-plugins?connectorsOnly=false"));

        assertEquals(200, response.status(), response.toString());
        List<String> plugins = new ArrayList<>();
        response.json().forEach(p -> plugins.add(p.get("type").asText() + " " + p.get("class").asText()));
        assertTrue(plugins.contains("transformation org.apache.kafka.connect.transforms.InsertField$Value"), plugins.toString());
        assertTrue(plugins.contains("predicate org.apache.kafka.connect.transforms.predicates.TopicNameMatches"), plugins.toString());
        assertTrue(plugins.contains("converter org.apache.kafka.connect.json.JsonConverter"), plugins.toString());
        assertTrue(plugins.contains("header_converter org.apache.kafka.connect.storage.SimpleHeaderConverter"), plugins.toString());
    }

    @Test
    void pluginConfigDefinitionListsTheConnectorsKeys() {
        Reply response = HTTP.get(url("/connector-plugins/FileStreamSourceConnector/config"));

        assertEquals(200, response.status(), response.toString());
        List<String> names = new ArrayList<>();
        response.json().forEach(key -> names.add(key.get("name").asText()));
        assertTrue(names.contains("file") && names.contains("topic"), response.body());
    }

    @Test
    void validateReportsErrorsPerConfigKey() {
        Reply response = HTTP.put(url("/connector-plugins/FileStreamSourceConnector/config/validate"), Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "name", "validate-me", "tasks.max", "1", "topic", "t1", "batch.size", "not-a-number"));

        assertEquals(200, response.status(), response.toString());
        JsonNode result = response.json();
        assertEquals("org.apache.kafka.connect.file.FileStreamSourceConnector", result.get("name").asText());
        assertEquals(1, result.get("error_count").asInt(), response.body());
        assertTrue(result.get("groups").toString().contains("Common"), response.body());
        JsonNode batchSize = null;
        for (JsonNode config : result.get("configs")) {
            if (config.get("definition").get("name").asText().equals("batch.size")) {
                batchSize = config;
            }
        }
        assertTrue(batchSize != null && batchSize.get("value").get("errors").size() == 1, response.body());
    }

    @Test
    void validateRejectsAConnectorClassOfAnotherPlugin() {
        Reply response = HTTP.put(url("/connector-plugins/FileStreamSinkConnector/config/validate"),
                Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector"));

        assertEquals(400, response.status(), response.toString());
        assertEquals(400, response.json().get("error_code").asInt());
        assertTrue(response.json().get("message").asText().contains("does not match request type"), response.body());
    }

    @Test
    void healthIsConnectsOwnAndManagementReadinessIsUp() {
        Reply health = HTTP.get(url("/health"));
        assertEquals(200, health.status(), health.toString());
        assertEquals("healthy", health.json().get("status").asText());

        String management = "http://localhost:" + properties.get("endpoints.all.port");
        Reply readiness = HTTP.get(management + "/health/readiness");
        assertEquals(200, readiness.status(), readiness.toString());
        assertEquals("UP", readiness.json().get("status").asText(), readiness.body());
        assertTrue(readiness.body().contains("kafkaConnect"), readiness.body());
        assertEquals(200, HTTP.get(management + "/health/liveness").status());
    }

    @Test
    void loggersAreLog4jLoggersThatCanBeChanged() {
        Reply list = HTTP.get(url("/admin/loggers"));
        assertEquals(200, list.status(), list.toString());
        assertTrue(list.json().has("root"), list.body());

        Reply set = HTTP.put(url("/admin/loggers/io.kafkarest.test.logger"), Map.of("level", "DEBUG"));
        assertEquals(200, set.status(), set.toString());
        assertTrue(set.body().contains("io.kafkarest.test.logger"), set.body());

        Reply one = HTTP.get(url("/admin/loggers/io.kafkarest.test.logger"));
        assertEquals(200, one.status(), one.toString());
        assertEquals("DEBUG", one.json().get("level").asText());

        Reply bad = HTTP.put(url("/admin/loggers/io.kafkarest.test.logger"), Map.of("level", "LOUD"));
        assertEquals(404, bad.status(), bad.toString());
        assertEquals(404, bad.json().get("error_code").asInt());
    }

    @Test
    void errorsUseConnectsErrorFormat() {
        Reply unknown = HTTP.get(url("/connectors/no-such-connector"));
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals(404, unknown.json().get("error_code").asInt());
        assertEquals("Connector no-such-connector not found", unknown.json().get("message").asText());

        Reply status = HTTP.get(url("/connectors/no-such-connector/status"));
        assertEquals(404, status.status(), status.toString());
        assertEquals(404, status.json().get("error_code").asInt());

        Reply noRoute = HTTP.get(url("/no/such/path"));
        assertEquals(404, noRoute.status(), noRoute.toString());
        assertEquals(404, noRoute.json().get("error_code").asInt());

        Reply badJson = ConnectTestSupport.HTTP.post(url("/connectors"), "{not json");
        assertEquals(400, badJson.status(), badJson.toString());
        assertEquals(400, badJson.json().get("error_code").asInt());

        Reply noConfig = ConnectTestSupport.HTTP.post(url("/connectors"), Map.of("name", "no-config"));
        assertEquals(400, noConfig.status(), noConfig.toString());
        assertEquals(400, noConfig.json().get("error_code").asInt());
        assertEquals("config may not be empty", noConfig.json().get("message").asText());

        Reply badClass = ConnectTestSupport.HTTP.post(url("/connectors"),
                Map.of("name", "bad-class", "config", Map.of("connector.class", "com.example.NoSuchConnector")));
        assertEquals(400, badClass.status(), badClass.toString());
        assertEquals(400, badClass.json().get("error_code").asInt());
    }

    @Test
    void internalEndpointsRejectUnsignedRequests() {
        Reply tasks = ConnectTestSupport.HTTP.post(url("/connectors/any-connector/tasks"),
                List.of(Map.of("task.class", "x")));
        assertEquals(400, tasks.status(), tasks.toString());
        assertEquals(400, tasks.json().get("error_code").asInt());
        assertTrue(tasks.json().get("message").asText().toLowerCase().contains("signature"), tasks.body());

        Reply fence = HTTP.put(url("/connectors/any-connector/fence"), null);
        assertEquals(400, fence.status(), fence.toString());
        assertEquals("Internal request missing required signature", fence.json().get("message").asText());
    }

    private static Map<String, String> typesByClass(JsonNode plugins) {
        Map<String, String> types = new java.util.HashMap<>();
        plugins.forEach(p -> types.put(p.get("class").asText(), p.get("type").asText()));
        return types;
    }
}
