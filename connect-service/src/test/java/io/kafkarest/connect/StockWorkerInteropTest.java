package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.Wait;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
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

/**
 * Interoperability: a stock Apache Kafka Connect 4.3.1 worker ({@code ConnectDistributed}, in a child JVM) joins
 * connect-service's Connect group. Both take writes (forwarded to whichever is the leader), both run connectors and
 * tasks (task configs cross between the two implementations through the signed internal endpoint), and both see
 * the same cluster state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockWorkerInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private EmbeddedServer server;
    private StockConnectWorker stock;
    private List<String> urls;
    private Path dir;

    @BeforeAll
    void startBothWorkers() throws IOException {
        dir = Files.createTempDirectory("connect-interop");
        Map<String, String> props = ConnectTestSupport.workerProperties("interop");
        server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(props));
        String ours = "http://localhost:" + server.getPort();
        ConnectTestSupport.awaitWorkerReady(ours);
        stock = StockConnectWorker.start(dir, Map.of(
                "group.id", props.get("connect.group-id"),
                "config.storage.topic", props.get("connect.config-storage-topic"),
                "offset.storage.topic", props.get("connect.offset-storage-topic"),
                "status.storage.topic", props.get("connect.status-storage-topic")));
        urls = List.of(ours, stock.url());
    }

    @AfterAll
    void stopBothWorkers() {
        if (stock != null) {
            stock.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void aStockWorkerJoinsTheGroupAndSharesTheWork() throws IOException {
        Files.writeString(dir.resolve("in.txt"), "x\n");
        List<String> names = List.of("interop-a", "interop-b", "interop-c", "interop-d");
        for (int i = 0; i < names.size(); i++) {
            String worker = urls.get(i % 2);
            String name = names.get(i);
            Map<String, String> config = Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "tasks.max", "1", "file", dir.resolve("in.txt").toString(),
                    "topic", "connect-interop-" + name);
            // right after the stock worker joined, a write may meet a rebalance in progress (409): retried; a retry
            // after a create that went through but timed out sees "already exists"
            Wait.untilPassing(WAIT, "create " + name + " through " + worker, () -> {
                Reply created = HTTP.post(worker + "/connectors", Map.of("name", name, "config", config));
                assertTrue(created.status() == 201
                        || (created.status() == 409 && created.body().contains("already exists")),
                        worker + ": " + created + "\n" + stock.logTail());
            });
        }

        Set<String> taskWorkers = new HashSet<>();
        for (String name : names) {
            Wait.until(WAIT, name + " and its task running", () -> {
                JsonNode status = HTTP.get(urls.get(1) + "/connectors/" + name + "/status").json();
                return status.has("connector") && "RUNNING".equals(status.get("connector").get("state").asText())
                        && status.get("tasks").size() == 1
                        && "RUNNING".equals(status.get("tasks").get(0).get("state").asText());
            });
            taskWorkers.add(HTTP.get(urls.get(0) + "/connectors/" + name + "/status").json()
                    .get("tasks").get(0).get("worker_id").asText());
        }
        assertEquals(2, taskWorkers.size(), "tasks run on both implementations: " + taskWorkers);
        for (String url : urls) {
            Set<String> listed = new HashSet<>();
            HTTP.get(url + "/connectors").json().forEach(n -> listed.add(n.asText()));
            assertTrue(listed.containsAll(names), url + " lists every connector: " + listed);
        }

        for (int i = 0; i < names.size(); i++) {
            String worker = urls.get((i + 1) % 2);
            String name = names.get(i);
            Wait.untilPassing(WAIT, "delete " + name + " through " + worker, () ->
                    assertEquals(204, HTTP.delete(worker + "/connectors/" + name).status()));
        }
        for (String url : urls) {
            Wait.until(WAIT, "no connectors left on " + url,
                    () -> HTTP.get(url + "/connectors").body().equals("[]"));
        }
    }
}
