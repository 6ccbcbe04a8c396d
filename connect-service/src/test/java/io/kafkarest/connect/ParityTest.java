package io.kafkarest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response parity with a stock Kafka Connect 4.3.1 worker ({@link StockConnectWorker}, a child JVM): one scenario runs
 * against the stock worker and against connect-service, and every response's status, body and {@code Location} must
 * match once hosts, ports, worker ids, per-side names (connectors, topics, files) and timestamps are masked.
 * Error bodies are compared by {@code error_code} and keys; message texts that differ are reported, not failed.
 * The connectors really move data: a FileStreamSource writes a file's lines into a topic that did not exist before
 * (created by the broker on first use), a FileStreamSink writes them into a file, awaited on both sides.
 *
 * <p>Exceptions (documented in docs/connect-api.md):
 * <ul>
 *   <li>{@code GET /admin/loggers}: lists every log4j2 logger the JVM has created; connect-service's JVM also holds
 *   Micronaut's and Netty's loggers, so only the shape and the root logger's level are compared (inherent).</li>
 *   <li>{@code GET /connectors}: the order is a hash set's and the names differ per side: compared as a set.</li>
 *   <li>A malformed or missing request body (or a missing config or level in it): 400 here, 500 on stock Connect
 *   (deliberate: a client error, not a server fault).</li>
 *   <li>Errors raised before a resource matched (unknown path, 405, 406, 415): the same status and JSON body, with
 *   {@code Content-Type: application/json} here where stock's Jersey sends none (deliberate).</li>
 * </ul>
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParityTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LINES = List.of("one", "two", "three");

    /** Steps whose bodies can only be compared by shape; why: see the class comment. */
    private static final Map<String, String> SHAPE_ONLY = Map.of(
            "loggers list", "lists every logger the JVM created (Micronaut's and Netty's too in connect-service)");

    /** Arrays whose order is a hash set's: the names differ per side, so only the members are compared. */
    private static final Map<String, String> UNORDERED = Map.of(
            "list", "GET /connectors lists the names of a HashMap's key set; names differ per side");

    /** Deliberate differences: a malformed or missing body is the client's fault, 400 here, 500 on stock Connect. */
    private static final Map<String, String> BAD_BODY_IS_400 = Map.of(
            "create malformed JSON", "stock: 500 with Jackson's parse error",
            "create without body", "stock: 500 with a NullPointerException's message",
            "put config malformed JSON", "stock: 500 with Jackson's parse error",
            "patch offsets malformed", "stock: 500 with Jackson's parse error",
            "validate malformed", "stock: 500 with Jackson's parse error",
            "create without config", "stock: 500 with a NullPointerException's message",
            "logger empty body", "stock: 500 with a NullPointerException's message");

    @Inject
    EmbeddedServer server;

    @TempDir
    static Path dir;

    private StockConnectWorker stock;

    @Override
    public Map<String, String> getProperties() {
        return ConnectTestSupport.workerProperties("parity");
    }

    @BeforeAll
    void startBoth() {
        ConnectTestSupport.awaitWorkerReady(serviceUrl());
        stock = StockConnectWorker.start(dir);
    }

    @AfterAll
    void stopStock() {
        if (stock != null) {
            stock.close();
        }
    }

    private String serviceUrl() {
        return "http://localhost:" + server.getPort();
    }

    @Test
    void connectServiceAnswersAsAStockConnectWorker() throws Exception {
        Side stockSide = new Side("stock" + suffix(), stock.url());
        Side serviceSide = new Side("service" + suffix(), serviceUrl());
        List<Step> expected = scenario(stockSide);
        List<Step> actual = scenario(serviceSide);

        assertEquals(expected.size(), actual.size());
        List<String> failures = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            compare(expected.get(i), actual.get(i), failures, messages);
        }
        StringBuilder report = new StringBuilder("ParityTest: ").append(expected.size()).append(" steps compared\n");
        failures.forEach(f -> report.append("DIFFERENCE ").append(f).append('\n'));
        messages.forEach(m -> report.append("message text differs (not a failure) ").append(m).append('\n'));
        BAD_BODY_IS_400.forEach((step, stockAnswer) -> report.append("deliberate: ").append(step)
                .append(": 400 here, ").append(stockAnswer).append('\n'));
        untypedErrors.forEach(step -> report.append("deliberate: ").append(step)
                .append(": JSON error with Content-Type application/json here, stock sends no Content-Type\n"));
        SHAPE_ONLY.forEach((step, why) -> report.append("shape only: ").append(step).append(": ").append(why)
                .append('\n'));
        System.out.println(report);
        Files.writeString(Path.of("target", "parity-report.txt"), report);
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < expected.size(); i++) {
            Step e = expected.get(i);
            Step a = actual.get(i);
            steps.append(e.name()).append(" (").append(e.request()).append(")\n  stock:   ").append(e.status())
                    .append(' ').append(e.body()).append("\n  service: ").append(a.status()).append(' ')
                    .append(a.body()).append('\n');
        }
        Files.writeString(Path.of("target", "parity-steps.txt"), steps);
        assertTrue(failures.isEmpty(), report.toString());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** One side: its base URL, and a prefix naming its connectors, topic and files (masked in comparisons). */
    private final class Side {
        final String prefix;
        final String url;
        final TestHttp http;
        final String source;
        final String sink;
        final String topic;
        final Path input;
        final Path output;
        final List<Step> steps = new ArrayList<>();

        Side(String prefix, String url) {
            this.prefix = prefix;
            this.url = url;
            this.http = TestHttp.to(url).withTimeout(Duration.ofSeconds(100));
            this.source = prefix + "-source";
            this.sink = prefix + "-sink";
            this.topic = prefix + "-lines";
            this.input = dir.resolve(prefix + "-in.txt");
            this.output = dir.resolve(prefix + "-out.txt");
        }

        Step call(String step, String method, String path, String body) {
            return call(step, method, path, body, body == null ? null : "application/json");
        }

        Step call(String step, String method, String path, String body, String contentType, String... headers) {
            List<String> all = new ArrayList<>(List.of(headers));
            if (contentType != null) {
                all.addAll(List.of("Content-Type", contentType));
            }
            TestHttp.Reply response = http.send(method, path, body, all.toArray(String[]::new));
            String location = response.header("Location") == null ? null : mask(response.header("Location"));
            Step result = new Step(step, method + " " + mask(path), response.status(), mask(response.body()),
                    response.body(), location, response.mediaType());
            steps.add(result);
            return result;
        }

        String mask(String text) {
            return text.replace(url, "<url>")
                    .replace(dir.toString(), "<dir>")
                    .replace(prefix, "<side>")
                    .replaceAll("\"worker_id\":\"[^\"]*\"", "\"worker_id\":\"<worker>\"")
                    .replaceAll("\"last_modified\":\\d+", "\"last_modified\":<time>")
                    .replaceAll("\"trace\":\"(\\\\.|[^\"\\\\])*\"", "\"trace\":\"<trace>\"");
        }

        JsonNode get(String path) {
            try {
                TestHttp.Reply response = http.withTimeout(Duration.ofSeconds(30)).get(path);
                return response.status() == 200 ? response.json() : null;
            } catch (UncheckedIOException e) {
                return null;
            }
        }

        void await(String what, String path, Predicate<JsonNode> condition) {
            Wait.until(WAIT, what + " on " + url, () -> {
                JsonNode json = get(path);
                return json != null && condition.test(json);
            });
        }

        void awaitState(String connector, String state, int tasks) {
            await(connector + " " + state, "/connectors/" + connector + "/status", json ->
                    json.path("connector").path("state").asText().equals(state)
                            && json.path("tasks").size() == tasks
                            && allTasks(json, state));
        }

        private boolean allTasks(JsonNode status, String state) {
            for (JsonNode task : status.path("tasks")) {
                if (!task.path("state").asText().equals(state)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Step(String name, String request, int status, String body, String rawBody, String location,
                        String contentType) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario, the same on both sides; returns every request's masked response. */
    private List<Step> scenario(Side s) throws Exception {
        Files.write(s.input, LINES);
        Map<String, String> sourceConfig = new LinkedHashMap<>();
        sourceConfig.put("connector.class", "FileStreamSource");
        sourceConfig.put("tasks.max", "1");
        sourceConfig.put("file", s.input.toString());
        sourceConfig.put("topic", s.topic); // does not exist yet: the broker creates it on first use
        sourceConfig.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        sourceConfig.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        Map<String, String> sinkConfig = new LinkedHashMap<>();
        sinkConfig.put("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector");
        sinkConfig.put("tasks.max", "1");
        sinkConfig.put("topics", s.topic);
        sinkConfig.put("file", s.output.toString());
        sinkConfig.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        sinkConfig.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        sinkConfig.put("consumer.override.auto.offset.reset", "earliest");
        String src = "/connectors/" + s.source;
        String snk = "/connectors/" + s.sink;

        s.call("root", "GET", "/", null);
        s.call("health", "GET", "/health", null);
        s.call("list empty", "GET", "/connectors", null);

        // create the source; errors around create
        s.call("create source", "POST", "/connectors", json(Map.of("name", s.source, "config", sourceConfig)));
        s.call("create duplicate", "POST", "/connectors", json(Map.of("name", s.source, "config", sourceConfig)));
        s.call("create malformed JSON", "POST", "/connectors", "{\"name\": \"x\", \"config\": {");
        s.call("create without body", "POST", "/connectors", null);
        s.call("create without connector.class", "POST", "/connectors",
                json(Map.of("name", s.prefix + "-bad", "config", Map.of("tasks.max", "1"))));
        s.call("create unknown class", "POST", "/connectors",
                json(Map.of("name", s.prefix + "-bad", "config", Map.of("connector.class", "NoSuchConnector"))));
        s.awaitState(s.source, "RUNNING", 1);

        // the sink from a config PUT (201 new), reading the source's topic into a file
        s.call("put config creates sink", "PUT", snk + "/config", json(sinkConfig));
        s.awaitState(s.sink, "RUNNING", 1);
        Wait.untilPassing(WAIT, "sink file " + s.output,
                () -> assertEquals(LINES, Files.exists(s.output) ? Files.readAllLines(s.output) : List.of()));

        s.call("list", "GET", "/connectors", null);
        s.call("list expanded", "GET", "/connectors?expand=status&expand=info", null);
        s.call("list expanded unknown", "GET", "/connectors?expand=nothing", null);
        s.call("info", "GET", src, null);
        s.call("config", "GET", src + "/config", null);
        s.call("status", "GET", src + "/status", null);
        s.call("sink status", "GET", snk + "/status", null);
        s.call("sink task status", "GET", snk + "/tasks/0/status", null);
        s.call("tasks", "GET", src + "/tasks", null);
        s.call("task status", "GET", src + "/tasks/0/status", null);
        s.call("unknown task status", "GET", src + "/tasks/7/status", null);
        s.await("source topics", src + "/topics", json -> json.path(s.source).path("topics").size() == 1);
        s.await("sink topics", snk + "/topics", json -> json.path(s.sink).path("topics").size() == 1);
        s.call("topics", "GET", src + "/topics", null);
        s.call("sink topics", "GET", snk + "/topics", null);

        // config updates
        s.call("put config updates", "PUT", snk + "/config", json(sinkConfig));
        Map<String, String> renamed = new LinkedHashMap<>(sinkConfig);
        renamed.put("name", "another-name");
        s.call("put config empty", "PUT", "/connectors/" + s.prefix + "-empty/config", "{}");
        s.call("put config name mismatch", "PUT", snk + "/config", json(renamed));
        s.call("put config malformed JSON", "PUT", snk + "/config", "{\"tasks.max\": ");
        s.call("patch config", "PATCH", snk + "/config", json(Map.of("batch.size", "100")));
        Map<String, String> removal = new LinkedHashMap<>();
        removal.put("batch.size", null);
        s.call("patch config null removes", "PATCH", snk + "/config", json(removal));
        s.call("patch config unknown connector", "PATCH", "/connectors/" + s.prefix + "-none/config",
                json(Map.of("batch.size", "100")));
        s.awaitState(s.sink, "RUNNING", 1);

        // offsets of running connectors; altering them needs a stopped connector
        s.await("sink offsets committed", snk + "/offsets", json -> json.path("offsets").size() == 1
                && json.path("offsets").get(0).path("offset").path("kafka_offset").asInt() == LINES.size());
        s.call("sink offsets", "GET", snk + "/offsets", null);
        // the source commits its position periodically: wait for the one after the whole input file
        long inputBytes = Files.size(s.input);
        s.await("source offsets committed", src + "/offsets", json -> json.path("offsets").size() == 1
                && json.path("offsets").get(0).path("offset").path("position").asLong() == inputBytes);
        s.call("source offsets", "GET", src + "/offsets", null);
        String sourceOffsets = json(Map.of("offsets", List.of(Map.of(
                "partition", Map.of("filename", s.input.toString()), "offset", Map.of("position", 4)))));
        s.call("patch offsets running", "PATCH", src + "/offsets", sourceOffsets);
        s.call("delete offsets running", "DELETE", src + "/offsets", null);

        // pause, resume, restarts
        s.call("pause", "PUT", src + "/pause", null);
        s.awaitState(s.source, "PAUSED", 1);
        s.call("status paused", "GET", src + "/status", null);
        s.call("resume", "PUT", src + "/resume", null);
        s.awaitState(s.source, "RUNNING", 1);
        s.call("restart", "POST", src + "/restart", null);
        s.awaitState(s.source, "RUNNING", 1);
        s.call("restart only failed", "POST", src + "/restart?includeTasks=true&onlyFailed=true", null);
        s.call("restart only failed without tasks", "POST", src + "/restart?onlyFailed=true", null);
        s.call("restart with tasks", "POST", src + "/restart?includeTasks=true", null);
        s.awaitState(s.source, "RUNNING", 1);
        s.call("restart bad boolean", "POST", src + "/restart?includeTasks=maybe", null);
        s.awaitState(s.source, "RUNNING", 1);
        s.call("restart task", "POST", src + "/tasks/0/restart", null);
        s.call("restart task id not a number", "POST", src + "/tasks/x/restart", null);
        s.call("restart unknown task", "POST", src + "/tasks/7/restart", null);
        s.call("restart unknown connector", "POST", "/connectors/" + s.prefix + "-none/restart", null);
        s.awaitState(s.source, "RUNNING", 1);

        // stop, then offsets can change
        s.call("stop", "PUT", src + "/stop", null);
        s.awaitState(s.source, "STOPPED", 0);
        s.call("status stopped", "GET", src + "/status", null);
        s.call("patch offsets stopped", "PATCH", src + "/offsets", sourceOffsets);
        s.call("patch offsets malformed", "PATCH", src + "/offsets", "{\"offsets\": [");
        s.call("offsets after patch", "GET", src + "/offsets", null);
        s.call("delete offsets stopped", "DELETE", src + "/offsets", null);
        s.call("offsets after delete", "GET", src + "/offsets", null);
        s.call("stop sink", "PUT", snk + "/stop", null);
        s.awaitState(s.sink, "STOPPED", 0);
        s.call("patch sink offsets", "PATCH", snk + "/offsets", json(Map.of("offsets", List.of(Map.of(
                "partition", Map.of("kafka_topic", s.topic, "kafka_partition", 0),
                "offset", Map.of("kafka_offset", 1))))));
        s.call("sink offsets after patch", "GET", snk + "/offsets", null);
        s.call("delete sink offsets", "DELETE", snk + "/offsets", null);

        // active topics and their reset
        s.call("reset topics", "PUT", src + "/topics/reset", null);
        // the reset goes through the status topic: applied once the worker has read it back
        s.await("topics reset", src + "/topics", json -> json.path(s.source).path("topics").isEmpty());
        s.call("topics after reset", "GET", src + "/topics", null);
        s.call("reset topics unknown connector", "PUT", "/connectors/" + s.prefix + "-none/topics/reset", null);

        // plugins
        s.call("plugins", "GET", "/connector-plugins", null);
        s.call("plugins all", "GET", "/connector-plugins?connectorsOnly=false", null);
        s.call("plugin config", "GET", "/connector-plugins/FileStreamSource/config", null);
        s.call("plugin config by class", "GET",
                "/connector-plugins/org.apache.kafka.connect.file.FileStreamSinkConnector/config", null);
        s.call("plugin config converter", "GET", "/connector-plugins/StringConverter/config", null);
        s.call("plugin config unknown", "GET", "/connector-plugins/NoSuchPlugin/config", null);
        s.call("validate valid", "PUT", "/connector-plugins/FileStreamSource/config/validate", json(sourceConfig));
        s.call("validate invalid", "PUT", "/connector-plugins/FileStreamSource/config/validate",
                json(Map.of("connector.class", "FileStreamSource", "tasks.max", "x")));
        s.call("validate class mismatch", "PUT", "/connector-plugins/FileStreamSink/config/validate",
                json(sourceConfig));
        s.call("validate malformed", "PUT", "/connector-plugins/FileStreamSource/config/validate", "{");

        // loggers
        s.call("loggers list", "GET", "/admin/loggers", null);
        s.call("logger root", "GET", "/admin/loggers/root", null);
        s.call("set logger worker", "PUT", "/admin/loggers/org.apache.kafka.connect.file?scope=worker",
                json(Map.of("level", "DEBUG")));
        s.call("logger after set", "GET", "/admin/loggers/org.apache.kafka.connect.file", null);
        s.call("set logger cluster", "PUT", "/admin/loggers/org.apache.kafka.connect.file.test?scope=cluster",
                json(Map.of("level", "INFO")));
        s.call("set logger invalid level", "PUT", "/admin/loggers/org.apache.kafka.connect.file",
                json(Map.of("level", "LOUD")));
        s.call("set logger no level", "PUT", "/admin/loggers/org.apache.kafka.connect.file", json(Map.of()));
        s.call("set logger invalid scope", "PUT", "/admin/loggers/org.apache.kafka.connect.file?scope=galaxy",
                json(Map.of("level", "INFO")));
        s.call("logger unknown", "GET", "/admin/loggers/no.such.logger.anywhere", null);
        s.call("set logger back", "PUT", "/admin/loggers/org.apache.kafka.connect.file",
                json(Map.of("level", "WARN")));

        // delete, then gone
        s.call("delete source", "DELETE", src, null);
        s.call("delete sink", "DELETE", snk, null);
        s.call("info deleted", "GET", src, null);
        s.call("status deleted", "GET", src + "/status", null);
        s.call("delete deleted", "DELETE", src, null);
        s.call("pause unknown", "PUT", "/connectors/" + s.prefix + "-none/pause", null);
        s.call("offsets unknown", "GET", "/connectors/" + s.prefix + "-none/offsets", null);
        s.call("tasks unknown", "GET", "/connectors/" + s.prefix + "-none/tasks", null);
        Wait.until(WAIT, "connectors gone on " + s.url, () -> {
            JsonNode list = s.get("/connectors");
            return list != null && list.isEmpty();
        });
        s.call("list after delete", "GET", "/connectors", null);

        // requests the REST layer itself turns away
        String create = json(Map.of("name", s.prefix + "-x", "config", sourceConfig));
        s.call("create text/plain", "POST", "/connectors", create, "text/plain");
        s.call("create without content type", "POST", "/connectors", create, null);
        s.call("create without config", "POST", "/connectors", json(Map.of("name", s.prefix + "-x")));
        s.call("create empty name", "POST", "/connectors", json(Map.of("name", "", "config", sourceConfig)));
        Map<String, String> otherName = new LinkedHashMap<>(sourceConfig);
        otherName.put("name", "other");
        s.call("create name mismatch", "POST", "/connectors",
                json(Map.of("name", s.prefix + "-x", "config", otherName)));
        s.call("unknown path", "GET", "/connectors/" + s.prefix + "-none/nothing", null);
        s.call("unknown top path", "GET", "/nothing", null);
        s.call("method not allowed", "DELETE", "/connector-plugins", null);
        s.call("task id not a number", "GET", src + "/tasks/abc/status", null);
        s.call("plugins bad boolean", "GET", "/connector-plugins?connectorsOnly=maybe", null);
        s.call("accept text/plain", "GET", "/connectors", null, null, "Accept", "text/plain");
        s.call("list trailing slash", "GET", "/connectors/", null);
        s.call("logger empty body", "PUT", "/admin/loggers/org.apache.kafka.connect.file", null, "application/json");
        return s.steps;
    }

    /** Errors stock Connect's Jersey sends without a Content-Type (raised before a resource matched). */
    private final List<String> untypedErrors = new ArrayList<>();

    private void compare(Step expected, Step actual, List<String> failures, List<String> messages) {
        String where = expected.name() + " (" + expected.request() + ")";
        assertEquals(expected.request(), actual.request(), "the scenarios diverged");
        if (BAD_BODY_IS_400.containsKey(expected.name())) {
            if (expected.status() != 500 || actual.status() != 400
                    || actual.json() == null || actual.json().path("error_code").asInt() != 400) {
                failures.add(where + ": expected 400 here and 500 on stock, got " + actual.status() + " and "
                        + expected.status() + "\n    stock:   " + expected.rawBody() + "\n    service: "
                        + actual.rawBody());
            }
            return;
        }
        if (expected.status() != actual.status()) {
            failures.add(where + ": status " + actual.status() + ", stock " + expected.status()
                    + "\n    stock:   " + expected.rawBody() + "\n    service: " + actual.rawBody());
            return;
        }
        if (expected.location() != null || actual.location() != null) {
            if (expected.location() == null || !expected.location().equals(actual.location())) {
                failures.add(where + ": Location " + actual.location() + ", stock " + expected.location());
            }
        }
        boolean jsonErrorWhereStockSaysNothing = expected.status() >= 400 && expected.contentType() == null
                && "application/json".equals(actual.contentType());
        if (jsonErrorWhereStockSaysNothing) {
            untypedErrors.add(where);
        } else if (!java.util.Objects.equals(expected.contentType(), actual.contentType())) {
            failures.add(where + ": Content-Type " + actual.contentType() + ", stock " + expected.contentType());
        }
        JsonNode stockJson = expected.json();
        JsonNode serviceJson = actual.json();
        if (UNORDERED.containsKey(expected.name()) && stockJson != null && serviceJson != null) {
            stockJson = sorted(stockJson);
            serviceJson = sorted(serviceJson);
        }
        if (stockJson == null || serviceJson == null) {
            if (!expected.body().equals(actual.body())) {
                failures.add(where + ": body\n    stock:   " + expected.rawBody() + "\n    service: "
                        + actual.rawBody());
            }
            return;
        }
        if (expected.status() >= 400 && stockJson.has("error_code")) {
            if (!stockJson.path("error_code").equals(serviceJson.path("error_code"))
                    || !keys(stockJson).equals(keys(serviceJson))) {
                failures.add(where + ": error body\n    stock:   " + expected.rawBody() + "\n    service: "
                        + actual.rawBody());
            } else if (!stockJson.path("message").equals(serviceJson.path("message"))) {
                messages.add(where + "\n    stock:   " + stockJson.path("message").asText()
                        + "\n    service: " + serviceJson.path("message").asText());
            }
            return;
        }
        // right after DELETE .../offsets a worker lists a partition with "offset": null (the tombstone it read) or not
        // at all (once its store dropped it), depending on timing: both mean "no offset"
        stockJson = withoutNullOffsets(stockJson);
        serviceJson = withoutNullOffsets(serviceJson);
        if (SHAPE_ONLY.containsKey(expected.name())) {
            if (!shape(stockJson).equals(shape(serviceJson))
                    || !stockJson.path("root").equals(serviceJson.path("root"))) {
                failures.add(where + ": shape\n    stock:   " + expected.rawBody() + "\n    service: "
                        + actual.rawBody());
            }
            return;
        }
        if (!stockJson.equals(serviceJson)) {
            failures.add(where + ": body\n    stock:   " + expected.body() + "\n    service: " + actual.body());
        }
    }

    private static JsonNode sorted(JsonNode array) {
        List<String> members = new ArrayList<>();
        array.forEach(member -> members.add(member.toString()));
        members.sort(null);
        return JSON.valueToTree(members);
    }

    private static TreeSet<String> keys(JsonNode json) {
        TreeSet<String> keys = new TreeSet<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Object keys become "*" where they are names (a map), values their JSON type: the form, not the content. */
    private static JsonNode shape(JsonNode json) {
        if (json.isObject()) {
            ObjectNode shape = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                shape.set("*", shape(field.getValue()));
            }
            return shape;
        }
        if (json.isArray()) {
            return json.isEmpty() ? JSON.createArrayNode() : JSON.createArrayNode().add(shape(json.get(0)));
        }
        return JSON.getNodeFactory().textNode(json.getNodeType().name());
    }

    /** A {@code {"offsets": [...]}} body without the entries whose offset is null; other bodies as they are. */
    private static JsonNode withoutNullOffsets(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("offsets").isArray()) {
            return body;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = body.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode kept = copy.putArray("offsets");
        body.get("offsets").forEach(entry -> {
            if (!(entry.has("offset") && entry.get("offset").isNull())) {
                kept.add(entry);
            }
        });
        return copy;
    }
}
