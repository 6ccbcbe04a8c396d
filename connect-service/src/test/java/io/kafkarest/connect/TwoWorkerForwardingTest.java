package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.Wait;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances form one Connect group: writes sent to the follower are forwarded to the leader, task
 * configs of connectors running on the follower reach the leader through the signed internal endpoint, and both
 * workers see the same connectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWorkerForwardingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<EmbeddedServer> servers = new java.util.ArrayList<>();
    private final List<String> urls = new java.util.ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    void startTwoWorkers() {
        Map<String, String> shared = ConnectTestSupport.workerProperties("two-workers");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> props = new HashMap<>(shared);
            props.put("micronaut.server.port", FreePorts.next());
            props.put("endpoints.all.port", FreePorts.next());
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
            servers.add(server);
            urls.add("http://localhost:" + server.getPort());
        }
        urls.forEach(ConnectTestSupport::awaitWorkerReady);
    }

    @AfterAll
    void stopWorkers() {
        servers.forEach(server -> server.getApplicationContext().close());
    }

    @Test
    void writesThroughEitherWorkerReachTheLeaderAndConnectorsRunOnBoth() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "x\n");
        List<String> names = List.of("fwd-a", "fwd-b", "fwd-c", "fwd-d");
        for (int i = 0; i < names.size(); i++) {
            String worker = urls.get(i % 2);
            Reply created = HTTP.post(worker + "/connectors", Map.of("name", names.get(i), "config",
                    sourceConfig(names.get(i))));
            assertEquals(201, created.status(), worker + ": " + created);
        }

        // every connector runs, spread over both workers: task configs of connectors on the follower went to the
        // leader through POST /connectors/{c}/tasks
        Set<String> workerIds = new HashSet<>();
        for (String name : names) {
            Wait.until(WAIT, name + " running with its task", () -> {
                JsonNode status = HTTP.get(urls.get(0) + "/connectors/" + name + "/status").json();
                return status.has("connector") && status.get("connector").get("state").asText().equals("RUNNING")
                        && status.get("tasks").size() == 1
                        && status.get("tasks").get(0).get("state").asText().equals("RUNNING");
            });
            workerIds.add(HTTP.get(urls.get(1) + "/connectors/" + name + "/status").json()
                    .get("tasks").get(0).get("worker_id").asText());
        }
        assertEquals(2, workerIds.size(), "tasks should be spread over both workers: " + workerIds);

        // config updates, restarts and deletes through both workers
        for (int i = 0; i < names.size(); i++) {
            String worker = urls.get((i + 1) % 2);
            Map<String, String> config = new HashMap<>(sourceConfig(names.get(i)));
            config.put("batch.size", "10");
            Reply updated = HTTP.put(worker + "/connectors/" + names.get(i) + "/config", config);
            assertEquals(200, updated.status(), worker + ": " + updated);
            // right after a config change Connect may answer 409 "stale configuration" until the change has reached
            // every worker: clients retry, as this does
            String restartUrl = worker + "/connectors/" + names.get(i) + "/restart";
            Wait.untilPassing(WAIT, "restart through " + worker, () -> {
                Reply restarted = HTTP.post(restartUrl, null);
                assertEquals(204, restarted.status(), worker + ": " + restarted);
            });
        }
        Reply conflict = HTTP.post(urls.get(1) + "/connectors", Map.of("name", "fwd-a", "config",
                sourceConfig("fwd-a")));
        assertEquals(409, conflict.status(), conflict.toString());
        for (int i = 0; i < names.size(); i++) {
            Reply deleted = HTTP.delete(urls.get(i % 2) + "/connectors/" + names.get(i));
            assertEquals(204, deleted.status(), deleted.toString());
        }
        for (String url : urls) {
            Wait.until(WAIT, "no connectors left on " + url,
                    () -> HTTP.get(url + "/connectors").body().equals("[]"));
        }
        assertNotEquals(urls.get(0), urls.get(1));
    }

    private Map<String, String> sourceConfig(String name) {
        return Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "tasks.max", "1",
                "file", dir.resolve("in.txt").toString(),
                "topic", "connect-fwd-" + name,
                "topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "1");
    }
}
