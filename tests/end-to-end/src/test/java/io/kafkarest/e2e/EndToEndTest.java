package io.kafkarest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkarest.stack.LocalStack;
import io.kafkarest.stack.PortPlan;
import io.kafkarest.stack.RunningProcess;
import io.kafkarest.stack.Services;
import io.kafkarest.stack.StackOptions;
import io.kafkarest.testing.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real system as a user runs it: every service as its own process (the fat jars), two consume-service nodes,
 * a real KRaft broker and the registry, all started by the local-stack launcher on free ports; every call goes
 * through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String V2 = "application/vnd.kafka.v2+json";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalStack stack;
    private String gateway;

    @BeforeAll
    void startStack(@TempDir Path workDir) {
        StackOptions options = StackOptions.local(TestPaths.repositoryRoot())
                .withWorkDir(workDir)
                .withPorts(PortPlan.free())
                .withReplicas(Services.CONSUME, 2);
        stack = LocalStack.start(options);
        gateway = stack.gatewayUrl();
    }

    @AfterAll
    void stopStack() {
        List<RunningProcess> processes = stack.processes();
        stack.close();
        for (RunningProcess p : processes) {
            assertFalse(p.process().isAlive(), p.name() + " still runs after the stack stopped");
        }
    }

    @Test
    void connectRootAndAdminMetadataComeThroughTheGateway() throws Exception {
        JsonNode root = body(get("/"), 200);
        assertNotNull(root.get("version").asText());
        String clusterId = clusterId();
        assertEquals(clusterId, root.get("kafka_cluster_id").asText(), "Connect runs on the same Kafka cluster");

        JsonNode clusters = body(get("/v3/clusters"), 200);
        assertEquals(gateway + "/v3/clusters", clusters.at("/metadata/self").asText(),
                "v3 links name the gateway, not the admin node");
        assertTrue(body(get("/brokers"), 200).get("brokers").size() >= 1);
        assertEquals(200, get("/connector-plugins").statusCode());
    }

    @Test
    void jsonProducedThroughTheGatewayIsConsumedThroughTheRewrittenBaseUri() throws Exception {
        String topic = createTopic(2);
        JsonNode described = body(get("/topics/" + topic), 200);
        assertEquals(topic, described.get("name").asText());
        assertEquals(2, described.get("partitions").size());

        JsonNode produced = body(send("POST", "/topics/" + topic, "application/vnd.kafka.json.v2+json",
                "{\"records\":[{\"value\":{\"n\":1}},{\"value\":{\"n\":2}},{\"key\":\"k\",\"value\":{\"n\":3}}]}"), 200);
        assertEquals(3, produced.get("offsets").size());
        produced.get("offsets").forEach(o -> assertTrue(o.get("error_code").isNull(), o.toString()));

        String group = "e2e-json-" + UUID.randomUUID();
        JsonNode created = body(send("POST", "/consumers/" + group, V2,
                "{\"name\":\"c1\",\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}"), 200);
        String baseUri = created.get("base_uri").asText();
        assertEquals(gateway + "/consumers/" + group + "/instances/c1", baseUri,
                "the gateway rewrites base_uri to its own URL");

        assertEquals(204, sendTo("POST", baseUri + "/subscription", V2, "{\"topics\":[\"" + topic + "\"]}").statusCode());
        List<Integer> values = new ArrayList<>();
        TestKafka.await(WAIT, "3 records read through base_uri", () -> {
            HttpResponse<String> records = call(HttpRequest.newBuilder(URI.create(baseUri + "/records"))
                    .header("Accept", "application/vnd.kafka.json.v2+json").GET().build());
            assertEquals(200, records.statusCode(), records.body());
            readTree(records.body()).forEach(r -> values.add(r.at("/value/n").asInt()));
            return values.size() >= 3;
        });
        assertEquals(Set.of(1, 2, 3), new HashSet<>(values));

        assertEquals(204, sendTo("DELETE", baseUri, V2, null).statusCode());
        HttpResponse<String> gone = call(HttpRequest.newBuilder(URI.create(baseUri + "/records"))
                .header("Accept", "application/vnd.kafka.json.v2+json").GET().build());
        assertEquals(404, gone.statusCode());
        assertEquals(40403, readTree(gone.body()).get("error_code").asInt());
    }

    @Test
    void adminFamiliesAnswerThroughTheGatewayWithLinksToTheGateway() throws Exception {
        String clusterId = clusterId();
        String v3 = "/v3/clusters/" + clusterId;
        String topic = createTopic(2);

        JsonNode brokers = body(get(v3 + "/brokers"), 200);
        assertEquals(gateway + v3 + "/brokers", brokers.at("/metadata/self").asText());
        int broker = brokers.at("/data/0/broker_id").asInt();
        assertEquals(gateway + v3 + "/brokers/" + broker + "/configs", brokers.at("/data/0/configs/related").asText());

        assertEquals(204, send("PUT", v3 + "/topics/" + topic + "/configs/retention.ms", "application/json",
                "{\"value\":\"86400000\"}").statusCode());
        TestKafka.await(WAIT, "retention.ms set", () -> readTree(get(v3 + "/topics/" + topic + "/configs/retention.ms")
                .body()).path("value").asText().equals("86400000"));
        JsonNode config = body(get(v3 + "/topics/" + topic + "/configs/retention.ms"), 200);
        assertEquals(gateway + v3 + "/topics/" + topic + "/configs/retention.ms", config.at("/metadata/self").asText());
        assertEquals("86400000", body(get("/topics/" + topic), 200).at("/configs/retention.ms").asText(),
                "v2 shows the same override");

        JsonNode raised = body(send("PATCH", v3 + "/topics/" + topic, "application/json", "{\"partitions_count\":3}"), 200);
        assertEquals(3, raised.get("partitions_count").asInt());

        body(send("POST", "/topics/" + topic + "/partitions/1", "application/vnd.kafka.binary.v2+json",
                "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"Yg==\"}]}"), 200);
        JsonNode offsets = body(get(v3 + "/topics/" + topic + "/partitions/1/offset?offset_type=earliest_and_latest"), 200);
        assertEquals(2, offsets.get("latest_offset").asLong());
        assertEquals(2, body(get("/topics/" + topic + "/partitions/1/offsets"), 200).get("end_offset").asLong());
        assertEquals(gateway + v3 + "/topics/" + topic + "/partitions/1/replicas/" + broker,
                body(get(v3 + "/topics/" + topic + "/partitions/1"), 200).at("/leader/related").asText());

        String group = "e2e-lag-" + UUID.randomUUID();
        String baseUri = body(send("POST", "/consumers/" + group, V2,
                "{\"name\":\"c1\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}"), 200)
                .get("base_uri").asText();
        // v2 commits name the last record processed: Kafka stores the next offset, 1
        HttpResponse<String> committed = sendTo("POST", baseUri + "/offsets", V2, "{\"offsets\":[{\"topic\":\""
                + topic + "\",\"partition\":1,\"offset\":0}]}");
        assertTrue(committed.statusCode() == 200 || committed.statusCode() == 204, committed.body());
        JsonNode lag = body(get(v3 + "/consumer-groups/" + group + "/lags/" + topic + "/partitions/1"), 200);
        assertEquals(1, lag.get("current_offset").asLong());
        assertEquals(2, lag.get("log_end_offset").asLong());
        assertEquals(1, lag.get("lag").asLong());
        assertEquals(1, body(get(v3 + "/consumer-groups/" + group + "/lag-summary"), 200).get("total_lag").asLong());
        assertEquals(gateway + v3 + "/consumer-groups/" + group,
                body(get(v3 + "/consumer-groups/" + group), 200).at("/metadata/self").asText());
        assertEquals(204, sendTo("DELETE", baseUri, V2, null).statusCode());

        HttpResponse<String> acls = get(v3 + "/acls?resource_type=TOPIC");
        assertEquals(400, acls.statusCode(), "the stack's broker runs without an authorizer");
        assertEquals(40002, readTree(acls.body()).get("error_code").asInt());
        assertEquals(404, get("/v3/clusters/not-this-one/topics").statusCode());
        assertEquals(40401, readTree(get(v3 + "/topics/no-such-topic").body()).get("error_code").asInt());
    }

    @Test
    void consumerInstancesLiveOnOneNodeEachAndAreSpreadOverBoth() throws Exception {
        String topic = createTopic(1);
        body(send("POST", "/topics/" + topic, "application/vnd.kafka.binary.v2+json",
                "{\"records\":[{\"value\":\"aGVsbG8=\"}]}"), 200);
        HttpResponse<String> byOffset = call(HttpRequest.newBuilder(
                URI.create(gateway + "/topics/" + topic + "/partitions/0/messages?offset=0&count=5"))
                .header("Accept", "application/vnd.kafka.binary.v1+json").GET().build());
        assertEquals(200, byOffset.statusCode(), "read by offset through the gateway: " + byOffset.body());
        assertEquals("aGVsbG8=", readTree(byOffset.body()).get(0).get("value").asText(), byOffset.body());
        assertEquals(1, readTree(byOffset.body()).size(), byOffset.body());
        String group = "e2e-pin-" + UUID.randomUUID();
        List<RunningProcess> nodes = stack.replicasOf(Services.CONSUME);
        assertEquals(2, nodes.size());
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String instance = "i" + i;
            String baseUri = body(send("POST", "/consumers/" + group, V2,
                    "{\"name\":\"" + instance + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}"), 200)
                    .get("base_uri").asText();
            List<String> owning = new ArrayList<>();
            for (RunningProcess node : nodes) {
                HttpResponse<String> lookup = call(HttpRequest.newBuilder(
                        URI.create(node.url() + "/internal/consumers/" + group + "/instances/" + instance)).GET().build());
                if (lookup.statusCode() == 200) {
                    owning.add(node.name());
                }
            }
            assertEquals(1, owning.size(), instance + " lives on exactly one node: " + owning);
            HttpResponse<String> duplicate = send("POST", "/consumers/" + group, V2,
                    "{\"name\":\"" + instance + "\",\"format\":\"binary\"}");
            assertEquals(409, duplicate.statusCode(), "a live name is taken on every node: " + duplicate.body());
            assertEquals(40902, readTree(duplicate.body()).get("error_code").asInt());
            owners.add(owning.get(0));

            assertEquals(204, sendTo("POST", baseUri + "/subscription", V2,
                    "{\"topics\":[\"" + topic + "\"]}").statusCode());
            HttpResponse<String> read = call(HttpRequest.newBuilder(URI.create(baseUri + "/records"))
                    .header("Accept", "application/vnd.kafka.binary.v2+json").GET().build());
            assertEquals(200, read.statusCode(), "requests through the gateway reach the owner: " + read.body());
            assertEquals(204, sendTo("DELETE", baseUri, V2, null).statusCode());
        }
        assertEquals(2, owners.size(), "new instances are spread over both consume-service nodes");
    }

    @Test
    void anInstanceKeepsWorkingWhenTheGatewayRestartsAndLosesItsPinTable() throws Exception {
        String topic = createTopic(1);
        String group = "e2e-restart-" + UUID.randomUUID();
        List<String> baseUris = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // spread over the consume nodes by round robin
            String baseUri = body(send("POST", "/consumers/" + group, V2,
                    "{\"name\":\"r" + i + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}"), 200)
                    .get("base_uri").asText();
            assertEquals(204, sendTo("POST", baseUri + "/subscription", V2,
                    "{\"topics\":[\"" + topic + "\"]}").statusCode());
            baseUris.add(baseUri);
        }
        body(send("POST", "/topics/" + topic, "application/vnd.kafka.binary.v2+json",
                "{\"records\":[{\"value\":\"YWZ0ZXI=\"}]}"), 200);

        RunningProcess gatewayProcess = stack.processes().stream()
                .filter(p -> p.name().equals(Services.GATEWAY)).findFirst().orElseThrow();
        stack.restart(gatewayProcess);

        for (String baseUri : baseUris) {
            HttpResponse<String> subscription = call(HttpRequest.newBuilder(URI.create(baseUri + "/subscription"))
                    .header("Accept", V2).GET().build());
            assertEquals(200, subscription.statusCode(), "the new gateway finds the owner: " + subscription.body());
            assertEquals(topic, readTree(subscription.body()).at("/topics/0").asText(), subscription.body());
            HttpResponse<String> duplicate = send("POST", "/consumers/" + group, V2,
                    "{\"name\":\"" + baseUri.substring(baseUri.lastIndexOf('/') + 1) + "\",\"format\":\"binary\"}");
            assertEquals(409, duplicate.statusCode(), "the name is still taken after the restart: " + duplicate.body());
        }
        // the group's one record is read by whichever instance got its partition
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean read = false;
        while (!read && System.nanoTime() < deadline) {
            for (String baseUri : baseUris) {
                HttpResponse<String> records = call(HttpRequest.newBuilder(URI.create(baseUri + "/records"))
                        .header("Accept", "application/vnd.kafka.binary.v2+json").GET().build());
                assertEquals(200, records.statusCode(), records.body());
                read |= records.body().contains("YWZ0ZXI=");
            }
        }
        assertTrue(read, "the record produced before the restart is read through the restarted gateway");
        for (String baseUri : baseUris) {
            assertEquals(204, sendTo("DELETE", baseUri, V2, null).statusCode());
            assertEquals(404, call(HttpRequest.newBuilder(URI.create(baseUri + "/subscription"))
                    .header("Accept", V2).GET().build()).statusCode(), "deleted");
        }
    }

    @Test
    void fileStreamSourceConnectorRunsAndIsDeleted(@TempDir Path dir) throws Exception {
        String topic = createTopic(1);
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "first\nsecond\nthird\n", StandardCharsets.UTF_8);
        String name = "e2e-file-source-" + UUID.randomUUID();
        String config = json.writeValueAsString(Map.of("name", name, "config", Map.of(
                "connector.class", "FileStreamSource", "tasks.max", "1",
                "file", file.toAbsolutePath().toString(), "topic", topic)));
        JsonNode created = body(send("POST", "/connectors", "application/json", config), 201);
        assertEquals(name, created.get("name").asText());

        TestKafka.await(WAIT, "connector and task RUNNING", () -> {
            HttpResponse<String> status = get("/connectors/" + name + "/status");
            if (status.statusCode() != 200) {
                return false;
            }
            JsonNode s = readTree(status.body());
            return "RUNNING".equals(s.at("/connector/state").asText()) && s.get("tasks").size() == 1
                    && "RUNNING".equals(s.at("/tasks/0/state").asText());
        });
        assertTrue(body(get("/connectors"), 200).toString().contains(name));

        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "e2e-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            TestKafka.await(WAIT, "the file's lines in " + topic, () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    lines.add(r.value());
                }
                return lines.size() >= 3;
            });
        }
        // Connect's default JsonConverter (schemas.enable=true) wraps each line in a schema envelope
        assertEquals(List.of("first", "second", "third"),
                lines.stream().map(line -> readTree(line).get("payload").asText()).toList());

        // every other endpoint family, through the gateway
        String path = "/connectors/" + name;
        assertEquals(file.toAbsolutePath().toString(), body(get(path + "/config"), 200).get("file").asText());
        assertEquals(0, body(get(path + "/tasks"), 200).get(0).at("/id/task").asInt());
        assertEquals("RUNNING", body(get(path + "/tasks/0/status"), 200).get("state").asText());
        assertTrue(body(get(path + "/topics"), 200).at("/" + name + "/topics").toString().contains(topic));
        JsonNode patched = body(send("PATCH", path + "/config", "application/json",
                "{\"batch.size\":\"100\"}"), 200);
        assertEquals("100", patched.at("/config/batch.size").asText(), patched.toString());
        assertEquals(204, send("POST", path + "/restart", "application/json", null).statusCode());
        assertEquals(202, send("POST", path + "/restart?includeTasks=true", "application/json", null).statusCode());
        assertEquals(202, send("PUT", path + "/pause", "application/json", null).statusCode());
        awaitConnectorState(name, "PAUSED");
        assertEquals(202, send("PUT", path + "/resume", "application/json", null).statusCode());
        awaitConnectorState(name, "RUNNING");
        assertEquals(204, send("PUT", path + "/stop", "application/json", null).statusCode());
        awaitConnectorState(name, "STOPPED");
        assertTrue(body(get(path + "/offsets"), 200).has("offsets"));
        JsonNode validated = body(send("PUT", "/connector-plugins/FileStreamSource/config/validate",
                "application/json", json.writeValueAsString(Map.of("name", name, "connector.class", "FileStreamSource",
                        "file", file.toAbsolutePath().toString(), "topic", topic))), 200);
        assertEquals(0, validated.get("error_count").asInt(), "a valid config validates without errors");
        assertTrue(body(get("/connector-plugins/FileStreamSink/config"), 200).isArray());
        assertTrue(body(get("/admin/loggers"), 200).has("root"));
        assertEquals(200, get("/health").statusCode());

        assertEquals(204, send("DELETE", "/connectors/" + name, "application/json", null).statusCode());
        TestKafka.await(WAIT, "connector gone", () -> get("/connectors/" + name + "/status").statusCode() == 404);
        assertFalse(body(get("/connectors"), 200).toString().contains(name));
    }

    @Test
    void unknownPathsAnswerInTheStandardErrorShape() throws Exception {
        HttpResponse<String> response = get("/no/such/path");
        assertEquals(404, response.statusCode());
        assertEquals(404, readTree(response.body()).get("error_code").asInt());
    }

    @Test
    void avroV2AndV3StreamingAndBatchProduceThroughTheGateway() throws Exception {
        String topic = createTopic(1);
        JsonNode avro = body(send("POST", "/topics/" + topic, "application/vnd.kafka.avro.v2+json",
                "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"U\\\",\\\"fields\\\":"
                        + "[{\\\"name\\\":\\\"n\\\",\\\"type\\\":\\\"int\\\"}]}\","
                        + "\"records\":[{\"value\":{\"n\":1}}]}"), 200);
        int schemaId = avro.get("value_schema_id").asInt();
        JsonNode registered = readTree(call(HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects/"
                + topic + "-value/versions/latest")).GET().build()).body());
        assertEquals(schemaId, registered.get("id").asInt(), "registered under the topic's value subject");

        String records = "/v3/clusters/" + clusterId() + "/topics/" + topic + "/records";
        HttpResponse<String> streamed = send("POST", records, "application/json",
                "{\"value\":{\"type\":\"JSON\",\"data\":\"ONE\"}} {\"value\":{\"schema_id\":" + schemaId
                        + ",\"data\":{\"n\":2}}}");
        assertEquals(200, streamed.statusCode(), streamed.body());
        List<JsonNode> reports = streamed.body().lines().filter(l -> !l.isBlank()).map(this::readTree).toList();
        assertEquals(2, reports.size(), streamed.body());
        assertEquals(List.of(1, 2), reports.stream().map(r -> r.get("offset").asInt()).toList());
        assertEquals("AVRO", reports.get(1).at("/value/type").asText());

        JsonNode batch = body(send("POST", records + ":batch", "application/json",
                "{\"entries\":[{\"id\":\"a\",\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]}"), 207);
        assertEquals(3, batch.at("/successes/0/offset").asInt(), batch.toString());
    }

    @Test
    void theSchemaRegistryServesTheConfluentApi() throws Exception {
        HttpResponse<String> subjects = call(HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects")).GET().build());
        assertEquals(200, subjects.statusCode());
        assertTrue(readTree(subjects.body()).isArray());
    }

    @Test
    void aRequestIdSentToTheGatewayIsReturnedAndInTheAccessLogsOfGatewayAndService() {
        String id = "e2e-" + UUID.randomUUID();
        HttpResponse<String> brokers = call(HttpRequest.newBuilder(URI.create(gateway + "/brokers"))
                .header("X-Request-Id", id).GET().build());
        assertEquals(200, brokers.statusCode(), brokers.body());
        assertEquals(id, brokers.headers().firstValue("X-Request-Id").orElse(null));
        for (String name : List.of(Services.GATEWAY, Services.ADMIN)) {
            RunningProcess process = stack.processes().stream()
                    .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            TestKafka.await(WAIT, "the access line of " + id + " in " + process.log(), () -> accessLogged(process, id));
        }
    }

    /**
     * Whether the process's log has the access line {@code ... io.kafkarest.access - GET /brokers 200 ..ms ... id}
     * (plain or JSON lines: JSON escapes {@code /} as {@code \/}).
     */
    private static boolean accessLogged(RunningProcess process, String id) {
        try (var lines = Files.lines(process.log(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("io.kafkarest.access")
                    && line.replace("\\/", "/").contains("GET /brokers 200 ") && line.contains(id));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // not there yet, or a line being written
        }
    }

    private void awaitConnectorState(String name, String state) {
        TestKafka.await(WAIT, name + " " + state, () -> {
            HttpResponse<String> status = get("/connectors/" + name + "/status");
            return status.statusCode() == 200
                    && state.equals(readTree(status.body()).at("/connector/state").asText());
        });
    }

    private String clusterId() throws IOException {
        return body(get("/v3/clusters"), 200).at("/data/0/cluster_id").asText();
    }

    private String createTopic(int partitions) throws IOException {
        String topic = "e2e-" + UUID.randomUUID();
        JsonNode created = body(send("POST", "/v3/clusters/" + clusterId() + "/topics", "application/json",
                "{\"topic_name\":\"" + topic + "\",\"partitions_count\":" + partitions + "}"), 201);
        assertEquals(topic, created.get("topic_name").asText());
        return topic;
    }

    private HttpResponse<String> get(String path) {
        return call(HttpRequest.newBuilder(URI.create(gateway + path)).GET().build());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return sendTo(method, gateway + path, contentType, body);
    }

    private HttpResponse<String> sendTo(String method, String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(100));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return call(request.build());
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private JsonNode body(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertEquals(expectedStatus, response.statusCode(),
                response.request().method() + " " + response.request().uri() + " answered " + response.body());
        return json.readTree(response.body());
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
