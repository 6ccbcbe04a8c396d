package io.kafkarest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.stack.LocalStack;
import io.kafkarest.stack.PortPlan;
import io.kafkarest.stack.RunningProcess;
import io.kafkarest.stack.Services;
import io.kafkarest.stack.StackOptions;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import java.io.IOException;
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
    private static final PortPlan FREE_PORTS = new PortPlan() {
        @Override
        public int apiPort(String service, int replica) {
            return FreePorts.next();
        }

        @Override
        public int managementPort(String service, int replica) {
            return FreePorts.next();
        }
    };

    /** Absolute URLs (base_uri, nodes, the registry); bodies in the v2 type of the consumer API. */
    private final TestHttp http = TestHttp.to("").withContentType(V2).withTimeout(Duration.ofSeconds(100));
    /** The gateway: {@code api} sends JSON bodies, the others bodies of their Kafka REST type. */
    private TestHttp api;
    private TestHttp v2;
    private TestHttp jsonV2;
    private TestHttp binaryV2;
    private TestHttp avroV2;
    private LocalStack stack;
    private String gateway;

    @BeforeAll
    void startStack(@TempDir Path workDir) {
        StackOptions options = StackOptions.local(TestPaths.repositoryRoot())
                .withWorkDir(workDir)
                .withPorts(FREE_PORTS)
                .withReplicas(Services.CONSUME, 2);
        stack = LocalStack.start(options);
        gateway = stack.gatewayUrl();
        api = TestHttp.json(gateway).withTimeout(Duration.ofSeconds(100));
        v2 = api.withContentType(V2);
        jsonV2 = api.withContentType("application/vnd.kafka.json.v2+json");
        binaryV2 = api.withContentType("application/vnd.kafka.binary.v2+json");
        avroV2 = api.withContentType("application/vnd.kafka.avro.v2+json");
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
        JsonNode root = api.get("/").expect(200).json();
        assertNotNull(root.get("version").asText());
        String clusterId = clusterId();
        assertEquals(clusterId, root.get("kafka_cluster_id").asText(), "Connect runs on the same Kafka cluster");

        JsonNode clusters = api.get("/v3/clusters").expect(200).json();
        assertEquals(gateway + "/v3/clusters", clusters.at("/metadata/self").asText(),
                "v3 links name the gateway, not the admin node");
        assertTrue(api.get("/brokers").expect(200).json().get("brokers").size() >= 1);
        assertEquals(200, api.get("/connector-plugins").status());
    }

    @Test
    void jsonProducedThroughTheGatewayIsConsumedThroughTheRewrittenBaseUri() throws Exception {
        String topic = createTopic(2);
        JsonNode described = api.get("/topics/" + topic).expect(200).json();
        assertEquals(topic, described.get("name").asText());
        assertEquals(2, described.get("partitions").size());

        JsonNode produced = jsonV2.post("/topics/" + topic,
                "{\"records\":[{\"value\":{\"n\":1}},{\"value\":{\"n\":2}},{\"key\":\"k\",\"value\":{\"n\":3}}]}")
                .expect(200).json();
        assertEquals(3, produced.get("offsets").size());
        produced.get("offsets").forEach(o -> assertTrue(o.get("error_code").isNull(), o.toString()));

        String group = "e2e-json-" + UUID.randomUUID();
        JsonNode created = v2.post("/consumers/" + group,
                "{\"name\":\"c1\",\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}").expect(200).json();
        String baseUri = created.get("base_uri").asText();
        assertEquals(gateway + "/consumers/" + group + "/instances/c1", baseUri,
                "the gateway rewrites base_uri to its own URL");

        assertEquals(204, http.post(baseUri + "/subscription", "{\"topics\":[\"" + topic + "\"]}").status());
        List<Integer> values = new ArrayList<>();
        Wait.until(WAIT, "3 records read through base_uri", () -> {
            TestHttp.Reply records = http.get(baseUri + "/records", "Accept", "application/vnd.kafka.json.v2+json");
            assertEquals(200, records.status(), records.body());
            records.json().forEach(r -> values.add(r.at("/value/n").asInt()));
            return values.size() >= 3;
        });
        assertEquals(Set.of(1, 2, 3), new HashSet<>(values));

        assertEquals(204, http.delete(baseUri).status());
        TestHttp.Reply gone = http.get(baseUri + "/records", "Accept", "application/vnd.kafka.json.v2+json");
        assertEquals(404, gone.status());
        assertEquals(40403, gone.json().get("error_code").asInt());
    }

    @Test
    void adminFamiliesAnswerThroughTheGatewayWithLinksToTheGateway() throws Exception {
        String clusterId = clusterId();
        String v3 = "/v3/clusters/" + clusterId;
        String topic = createTopic(2);

        JsonNode brokers = api.get(v3 + "/brokers").expect(200).json();
        assertEquals(gateway + v3 + "/brokers", brokers.at("/metadata/self").asText());
        int broker = brokers.at("/data/0/broker_id").asInt();
        assertEquals(gateway + v3 + "/brokers/" + broker + "/configs", brokers.at("/data/0/configs/related").asText());

        assertEquals(204, api.put(v3 + "/topics/" + topic + "/configs/retention.ms", "{\"value\":\"86400000\"}")
                .status());
        Wait.until(WAIT, "retention.ms set", () -> api.get(v3 + "/topics/" + topic + "/configs/retention.ms")
                .json().path("value").asText().equals("86400000"));
        JsonNode config = api.get(v3 + "/topics/" + topic + "/configs/retention.ms").expect(200).json();
        assertEquals(gateway + v3 + "/topics/" + topic + "/configs/retention.ms", config.at("/metadata/self").asText());
        assertEquals("86400000", api.get("/topics/" + topic).expect(200).json().at("/configs/retention.ms").asText(),
                "v2 shows the same override");

        JsonNode raised = api.patch(v3 + "/topics/" + topic, "{\"partitions_count\":3}").expect(200).json();
        assertEquals(3, raised.get("partitions_count").asInt());

        binaryV2.post("/topics/" + topic + "/partitions/1",
                "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"Yg==\"}]}").expect(200).json();
        JsonNode offsets = api.get(v3 + "/topics/" + topic + "/partitions/1/offset?offset_type=earliest_and_latest")
                .expect(200).json();
        assertEquals(2, offsets.get("latest_offset").asLong());
        assertEquals(2, api.get("/topics/" + topic + "/partitions/1/offsets").expect(200).json().get("end_offset")
                .asLong());
        assertEquals(gateway + v3 + "/topics/" + topic + "/partitions/1/replicas/" + broker,
                api.get(v3 + "/topics/" + topic + "/partitions/1").expect(200).json().at("/leader/related").asText());

        String group = "e2e-lag-" + UUID.randomUUID();
        String baseUri = v2.post("/consumers/" + group,
                "{\"name\":\"c1\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}").expect(200).json()
                .get("base_uri").asText();
        // v2 commits name the last record processed: Kafka stores the next offset, 1
        TestHttp.Reply committed = http.post(baseUri + "/offsets", "{\"offsets\":[{\"topic\":\""
                + topic + "\",\"partition\":1,\"offset\":0}]}");
        assertTrue(committed.status() == 200 || committed.status() == 204, committed.body());
        JsonNode lag = api.get(v3 + "/consumer-groups/" + group + "/lags/" + topic + "/partitions/1").expect(200)
                .json();
        assertEquals(1, lag.get("current_offset").asLong());
        assertEquals(2, lag.get("log_end_offset").asLong());
        assertEquals(1, lag.get("lag").asLong());
        assertEquals(1, api.get(v3 + "/consumer-groups/" + group + "/lag-summary").expect(200).json().get("total_lag")
                .asLong());
        assertEquals(gateway + v3 + "/consumer-groups/" + group,
                api.get(v3 + "/consumer-groups/" + group).expect(200).json().at("/metadata/self").asText());
        assertEquals(204, http.delete(baseUri).status());

        TestHttp.Reply acls = api.get(v3 + "/acls?resource_type=TOPIC");
        assertEquals(400, acls.status(), "the stack's broker runs without an authorizer");
        assertEquals(40002, acls.json().get("error_code").asInt());
        assertEquals(404, api.get("/v3/clusters/not-this-one/topics").status());
        assertEquals(40401, api.get(v3 + "/topics/no-such-topic").json().get("error_code").asInt());
    }

    @Test
    void consumerInstancesLiveOnOneNodeEachAndAreSpreadOverBoth() throws Exception {
        String topic = createTopic(1);
        binaryV2.post("/topics/" + topic, "{\"records\":[{\"value\":\"aGVsbG8=\"}]}").expect(200).json();
        TestHttp.Reply byOffset = http.get(gateway + "/topics/" + topic + "/partitions/0/messages?offset=0&count=5",
                "Accept", "application/vnd.kafka.binary.v1+json");
        assertEquals(200, byOffset.status(), "read by offset through the gateway: " + byOffset.body());
        assertEquals("aGVsbG8=", byOffset.json().get(0).get("value").asText(), byOffset.body());
        assertEquals(1, byOffset.json().size(), byOffset.body());
        String group = "e2e-pin-" + UUID.randomUUID();
        List<RunningProcess> nodes = stack.replicasOf(Services.CONSUME);
        assertEquals(2, nodes.size());
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String instance = "i" + i;
            String baseUri = v2.post("/consumers/" + group, "{\"name\":\"" + instance
                    + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}").expect(200).json()
                    .get("base_uri").asText();
            List<String> owning = new ArrayList<>();
            for (RunningProcess node : nodes) {
                TestHttp.Reply lookup = http.get(node.url() + "/internal/consumers/" + group + "/instances/"
                        + instance);
                if (lookup.status() == 200) {
                    owning.add(node.name());
                }
            }
            assertEquals(1, owning.size(), instance + " lives on exactly one node: " + owning);
            TestHttp.Reply duplicate = v2.post("/consumers/" + group, "{\"name\":\"" + instance
                    + "\",\"format\":\"binary\"}");
            assertEquals(409, duplicate.status(), "a live name is taken on every node: " + duplicate.body());
            assertEquals(40902, duplicate.json().get("error_code").asInt());
            owners.add(owning.get(0));

            assertEquals(204, http.post(baseUri + "/subscription", "{\"topics\":[\"" + topic + "\"]}").status());
            TestHttp.Reply read = http.get(baseUri + "/records", "Accept", "application/vnd.kafka.binary.v2+json");
            assertEquals(200, read.status(), "requests through the gateway reach the owner: " + read.body());
            assertEquals(204, http.delete(baseUri).status());
        }
        assertEquals(2, owners.size(), "new instances are spread over both consume-service nodes");
    }

    @Test
    void anInstanceKeepsWorkingWhenTheGatewayRestartsAndLosesItsPinTable() throws Exception {
        String topic = createTopic(1);
        String group = "e2e-restart-" + UUID.randomUUID();
        List<String> baseUris = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // spread over the consume nodes by round robin
            String baseUri = v2.post("/consumers/" + group,
                    "{\"name\":\"r" + i + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}")
                    .expect(200).json()
                    .get("base_uri").asText();
            assertEquals(204, http.post(baseUri + "/subscription", "{\"topics\":[\"" + topic + "\"]}").status());
            baseUris.add(baseUri);
        }
        binaryV2.post("/topics/" + topic, "{\"records\":[{\"value\":\"YWZ0ZXI=\"}]}").expect(200).json();

        RunningProcess gatewayProcess = stack.processes().stream()
                .filter(p -> p.name().equals(Services.GATEWAY)).findFirst().orElseThrow();
        stack.restart(gatewayProcess);

        for (String baseUri : baseUris) {
            TestHttp.Reply subscription = http.get(baseUri + "/subscription", "Accept", V2);
            assertEquals(200, subscription.status(), "the new gateway finds the owner: " + subscription.body());
            assertEquals(topic, subscription.json().at("/topics/0").asText(), subscription.body());
            TestHttp.Reply duplicate = v2.post("/consumers/" + group, "{\"name\":\""
                    + baseUri.substring(baseUri.lastIndexOf('/') + 1) + "\",\"format\":\"binary\"}");
            assertEquals(409, duplicate.status(), "the name is still taken after the restart: " + duplicate.body());
        }
        // the group's one record is read by whichever instance got its partition
        Wait.until(WAIT, "the record produced before the restart, read through the restarted gateway", () -> {
            boolean read = false;
            for (String baseUri : baseUris) {
                TestHttp.Reply records = http.get(baseUri + "/records", "Accept",
                        "application/vnd.kafka.binary.v2+json");
                assertEquals(200, records.status(), records.body());
                read |= records.body().contains("YWZ0ZXI=");
            }
            return read;
        });
        for (String baseUri : baseUris) {
            assertEquals(204, http.delete(baseUri).status());
            assertEquals(404, http.get(baseUri + "/subscription", "Accept", V2).status(), "deleted");
        }
    }

    @Test
    void fileStreamSourceConnectorRunsAndIsDeleted(@TempDir Path dir) throws Exception {
        String topic = createTopic(1);
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "first\nsecond\nthird\n", StandardCharsets.UTF_8);
        String name = "e2e-file-source-" + UUID.randomUUID();
        Map<String, Object> config = Map.of("name", name, "config", Map.of(
                "connector.class", "FileStreamSource", "tasks.max", "1",
                "file", file.toAbsolutePath().toString(), "topic", topic));
        JsonNode created = api.post("/connectors", config).expect(201).json();
        assertEquals(name, created.get("name").asText());

        Wait.until(WAIT, "connector and task RUNNING", () -> {
            TestHttp.Reply status = api.get("/connectors/" + name + "/status");
            if (status.status() != 200) {
                return false;
            }
            JsonNode s = status.json();
            return "RUNNING".equals(s.at("/connector/state").asText()) && s.get("tasks").size() == 1
                    && "RUNNING".equals(s.at("/tasks/0/state").asText());
        });
        assertTrue(api.get("/connectors").expect(200).json().toString().contains(name));

        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "e2e-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Wait.until(WAIT, "the file's lines in " + topic, () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    lines.add(r.value());
                }
                return lines.size() >= 3;
            });
        }
        // Connect's default JsonConverter (schemas.enable=true) wraps each line in a schema envelope
        assertEquals(List.of("first", "second", "third"),
                lines.stream().map(line -> TestHttp.readTree(line).get("payload").asText()).toList());

        // every other endpoint family, through the gateway
        String path = "/connectors/" + name;
        assertEquals(file.toAbsolutePath().toString(), api.get(path + "/config").expect(200).json().get("file")
                .asText());
        assertEquals(0, api.get(path + "/tasks").expect(200).json().get(0).at("/id/task").asInt());
        assertEquals("RUNNING", api.get(path + "/tasks/0/status").expect(200).json().get("state").asText());
        assertTrue(api.get(path + "/topics").expect(200).json().at("/" + name + "/topics").toString().contains(topic));
        JsonNode patched = api.patch(path + "/config", "{\"batch.size\":\"100\"}").expect(200).json();
        assertEquals("100", patched.at("/config/batch.size").asText(), patched.toString());
        assertEquals(204, api.post(path + "/restart", null).status());
        assertEquals(202, api.post(path + "/restart?includeTasks=true", null).status());
        assertEquals(202, api.put(path + "/pause", null).status());
        awaitConnectorState(name, "PAUSED");
        assertEquals(202, api.put(path + "/resume", null).status());
        awaitConnectorState(name, "RUNNING");
        assertEquals(204, api.put(path + "/stop", null).status());
        awaitConnectorState(name, "STOPPED");
        assertTrue(api.get(path + "/offsets").expect(200).json().has("offsets"));
        JsonNode validated = api.put("/connector-plugins/FileStreamSource/config/validate",
                Map.of("name", name, "connector.class", "FileStreamSource",
                        "file", file.toAbsolutePath().toString(), "topic", topic)).expect(200).json();
        assertEquals(0, validated.get("error_count").asInt(), "a valid config validates without errors");
        assertTrue(api.get("/connector-plugins/FileStreamSink/config").expect(200).json().isArray());
        assertTrue(api.get("/admin/loggers").expect(200).json().has("root"));
        assertEquals(200, api.get("/health").status());

        assertEquals(204, api.delete("/connectors/" + name).status());
        Wait.until(WAIT, "connector gone", () -> api.get("/connectors/" + name + "/status").status() == 404);
        assertFalse(api.get("/connectors").expect(200).json().toString().contains(name));
    }

    @Test
    void unknownPathsAnswerInTheStandardErrorShape() throws Exception {
        TestHttp.Reply response = api.get("/no/such/path");
        assertEquals(404, response.status());
        assertEquals(404, response.json().get("error_code").asInt());
    }

    @Test
    void avroV2AndV3StreamingAndBatchProduceThroughTheGateway() throws Exception {
        String topic = createTopic(1);
        JsonNode avro = avroV2.post("/topics/" + topic,
                "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"U\\\",\\\"fields\\\":"
                        + "[{\\\"name\\\":\\\"n\\\",\\\"type\\\":\\\"int\\\"}]}\","
                        + "\"records\":[{\"value\":{\"n\":1}}]}").expect(200).json();
        int schemaId = avro.get("value_schema_id").asInt();
        JsonNode registered = http.get(stack.registryUrl() + "/subjects/" + topic + "-value/versions/latest").json();
        assertEquals(schemaId, registered.get("id").asInt(), "registered under the topic's value subject");

        String records = "/v3/clusters/" + clusterId() + "/topics/" + topic + "/records";
        TestHttp.Reply streamed = api.post(records,
                "{\"value\":{\"type\":\"JSON\",\"data\":\"ONE\"}} {\"value\":{\"schema_id\":" + schemaId
                        + ",\"data\":{\"n\":2}}}");
        assertEquals(200, streamed.status(), streamed.body());
        List<JsonNode> reports = streamed.body().lines().filter(l -> !l.isBlank()).map(TestHttp::readTree).toList();
        assertEquals(2, reports.size(), streamed.body());
        assertEquals(List.of(1, 2), reports.stream().map(r -> r.get("offset").asInt()).toList());
        assertEquals("AVRO", reports.get(1).at("/value/type").asText());

        JsonNode batch = api.post(records + ":batch",
                "{\"entries\":[{\"id\":\"a\",\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]}").expect(207).json();
        assertEquals(3, batch.at("/successes/0/offset").asInt(), batch.toString());
    }

    @Test
    void theSchemaRegistryServesTheConfluentApi() throws Exception {
        TestHttp.Reply subjects = http.get(stack.registryUrl() + "/subjects");
        assertEquals(200, subjects.status());
        assertTrue(subjects.json().isArray());
    }

    @Test
    void aRequestIdSentToTheGatewayIsReturnedAndInTheAccessLogsOfGatewayAndService() {
        String id = "e2e-" + UUID.randomUUID();
        TestHttp.Reply brokers = http.get(gateway + "/brokers", "X-Request-Id", id);
        assertEquals(200, brokers.status(), brokers.body());
        assertEquals(id, brokers.headers().firstValue("X-Request-Id").orElse(null));
        for (String name : List.of(Services.GATEWAY, Services.ADMIN)) {
            RunningProcess process = stack.processes().stream()
                    .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            Wait.until(WAIT, "the access line of " + id + " in " + process.log(), () -> accessLogged(process, id));
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
        Wait.until(WAIT, name + " " + state, () -> {
            TestHttp.Reply status = api.get("/connectors/" + name + "/status");
            return status.status() == 200
                    && state.equals(status.json().at("/connector/state").asText());
        });
    }

    private String clusterId() throws IOException {
        return api.get("/v3/clusters").expect(200).json().at("/data/0/cluster_id").asText();
    }

    private String createTopic(int partitions) throws IOException {
        String topic = "e2e-" + UUID.randomUUID();
        JsonNode created = api.post("/v3/clusters/" + clusterId() + "/topics", "{\"topic_name\":\"" + topic
                + "\",\"partitions_count\":" + partitions + "}").expect(201).json();
        assertEquals(topic, created.get("topic_name").asText());
        return topic;
    }
}
