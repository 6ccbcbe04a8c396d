package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.connect.core.ConnectRuntime;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.Wait;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas, one goes away: a FileStreamSource -> topic -> FileStreamSink pipeline runs on a two-worker group; the
 * group's leader is stopped; the survivor takes over leadership and every connector and task (after
 * {@code scheduled.rebalance.max.delay.ms}, 5 s here), lines appended after the stop keep arriving, and the survivor
 * serves the API, writes included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWorkerFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    void startTwoWorkers() {
        Map<String, String> shared = ConnectTestSupport.workerProperties("failover");
        // Connect waits this long for a departed worker to come back before reassigning its work (default 5 min)
        shared.put("connect.worker.scheduled.rebalance.max.delay.ms", "5000");
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
        servers.stream().filter(server -> server.getApplicationContext().isRunning())
                .forEach(server -> server.getApplicationContext().close());
    }

    @Test
    void thePipelineKeepsDeliveringWhenTheLeaderStops() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "failover-" + id;
        String source = "failover-source-" + id;
        String sink = "failover-sink-" + id;
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        Files.writeString(in, "before-1\nbefore-2\n");

        Reply created = HTTP.post(urls.get(0) + "/connectors", Map.of("name", source, "config", Map.of(
                "connector.class", "FileStreamSource",
                "tasks.max", "1",
                "file", in.toString(),
                "topic", topic,
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "1")));
        assertEquals(201, created.status(), created.toString());
        created = HTTP.post(urls.get(1) + "/connectors", Map.of("name", sink, "config", Map.of(
                "connector.class", "FileStreamSink",
                "tasks.max", "1",
                "topics", topic,
                "file", out.toString(),
                "value.converter", "org.apache.kafka.connect.storage.StringConverter")));
        assertEquals(201, created.status(), created.toString());
        Wait.until(WAIT, "the first lines through the pipeline", () -> lines(out).contains("before-2"));

        int leader = leaderIndex();
        int survivor = 1 - leader;
        String leaderPort = ":" + servers.get(leader).getPort();
        String survivorPort = ":" + servers.get(survivor).getPort();
        Set<String> before = workersOf(urls.get(survivor), source, sink);
        assertTrue(before.stream().anyMatch(w -> w.endsWith(leaderPort)),
                "the leader runs part of the pipeline before it stops: " + before);

        servers.get(leader).getApplicationContext().close();
        Files.writeString(in, "after-1\nafter-2\n", StandardOpenOption.APPEND);

        String url = urls.get(survivor);
        Wait.until(WAIT, "lines appended after the leader stopped delivered", () -> lines(out).contains("after-2"));
        Wait.until(WAIT, "the survivor leads", () -> isLeader(survivor));
        Wait.until(WAIT, "everything running on the survivor", () -> {
            Set<String> workers = workersOf(url, source, sink);
            return workers.size() == 1 && workers.iterator().next().endsWith(survivorPort);
        });

        // the survivor answers reads and, as the new leader, writes
        JsonNode connectors = HTTP.get(url + "/connectors").json();
        Set<String> names = new HashSet<>();
        connectors.forEach(n -> names.add(n.asText()));
        assertEquals(Set.of(source, sink), names);
        Map<String, String> sinkConfig = new HashMap<>(Map.of(
                "connector.class", "FileStreamSink",
                "tasks.max", "1",
                "topics", topic,
                "file", out.toString(),
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "batch.size", "100"));
        Reply updated = HTTP.put(url + "/connectors/" + sink + "/config", sinkConfig);
        assertEquals(200, updated.status(), updated.toString());
        Files.writeString(in, "after-3\n", StandardOpenOption.APPEND);
        Wait.until(WAIT, "a line after the update delivered", () -> lines(out).contains("after-3"));
        Wait.untilPassing(WAIT, "delete through the survivor", () -> {
            assertEquals(204, ConnectTestSupport.HTTP.delete(url + "/connectors/" + source).status());
            assertEquals(204, ConnectTestSupport.HTTP.delete(url + "/connectors/" + sink).status());
        });
    }

    /** The worker ids running the connectors and tasks of the given connectors, once all of them are RUNNING. */
    private static Set<String> workersOf(String url, String... connectors) {
        Set<String> workers = new HashSet<>();
        for (String name : connectors) {
            JsonNode status = HTTP.get(url + "/connectors/" + name + "/status").json();
            if (!status.has("connector") || !status.get("connector").get("state").asText().equals("RUNNING")
                    || status.get("tasks").size() != 1
                    || !status.get("tasks").get(0).get("state").asText().equals("RUNNING")) {
                return Set.of();
            }
            workers.add(status.get("connector").get("worker_id").asText());
            workers.add(status.get("tasks").get(0).get("worker_id").asText());
        }
        return workers;
    }

    /** Which worker leads the group: Connect's REST does not say, its herder does. */
    private int leaderIndex() {
        int[] found = {-1};
        Wait.until(WAIT, "one leader", () -> {
            boolean first = isLeader(0);
            boolean second = isLeader(1);
            found[0] = first ? 0 : 1;
            return first != second;
        });
        return found[0];
    }

    private boolean isLeader(int index) {
        try {
            DistributedHerder herder = (DistributedHerder) servers.get(index).getApplicationContext()
                    .getBean(ConnectRuntime.class).herder();
            Method isLeader = DistributedHerder.class.getDeclaredMethod("isLeader");
            isLeader.setAccessible(true);
            return (boolean) isLeader.invoke(herder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
