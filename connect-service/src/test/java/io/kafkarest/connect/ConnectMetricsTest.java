package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.PrometheusScrape;
import io.kafkarest.testing.TestHttp.Reply;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running connector shows in GET /prometheus: connectors and tasks by state, the HTTP metrics per route, and the Kafka
 * metrics of the Connect runtime's own clients (the task's producer, the worker's internal clients).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectMetricsTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    Environment environment;

    @TempDir
    Path dir;

    @Override
    public Map<String, String> getProperties() {
        return ConnectTestSupport.workerProperties("metrics");
    }

    @Test
    void runningConnectorIsCounted() throws Exception {
        String url = "http://localhost:" + server.getPort();
        ConnectTestSupport.awaitWorkerReady(url);
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "line\n");
        Reply created = HTTP.post(url + "/connectors", Map.of("name", "metrics-source", "config", Map.of(
                "connector.class", "FileStreamSource", "tasks.max", "1", "file", file.toString(),
                "topic", "connect-metrics-source", "topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "1")));
        assertEquals(201, created.status(), created.toString());
        int port = environment.getRequiredProperty("endpoints.all.port", Integer.class);

        PrometheusScrape.awaitAtLeast(port, "kafkarest_connectors", Map.of("state", "RUNNING"), 1,
                Duration.ofSeconds(60));
        assertEquals(200, HTTP.get(url + "/connectors/metrics-source/status").status());
        PrometheusScrape scrape = PrometheusScrape.awaitAtLeast(port, "kafkarest_connector_tasks",
                Map.of("state", "RUNNING"), 1, Duration.ofSeconds(60));
        assertEquals(0, scrape.sum("kafkarest_connectors", Map.of("state", "FAILED")));
        assertTrue(scrape.sum("http_server_requests_seconds_count",
                Map.of("uri", "/connectors/{connector}/status", "status", "200")) >= 1,
                scrape.lines("http_server_requests_seconds_count"));
        assertTrue(scrape.hasSeriesStartingWith("jvm_memory_"));

        // the Connect runtime's own Kafka clients: the task's producer wrote the line, the worker's internal
        // clients wrote the connector's config and status and read them back
        scrape = PrometheusScrape.awaitAtLeast(port, "kafka_producer_record_send_total",
                Map.of("client_id", "connector-producer-metrics-source-0"), 1, Duration.ofSeconds(60));
        assertTrue(clientSum(scrape, "kafka_producer_record_send_total", "configs") >= 1,
                scrape.lines("kafka_producer_record_send_total"));
        assertTrue(clientSum(scrape, "kafka_producer_record_send_total", "statuses") >= 1,
                scrape.lines("kafka_producer_record_send_total"));
        assertTrue(clientSum(scrape, "kafka_consumer_fetch_manager_records_consumed_total", "configs") >= 1,
                scrape.lines("kafka_consumer_fetch_manager_records_consumed_total"));
        assertTrue(scrape.sum("kafka_admin_client_request_total", Map.of()) >= 1,
                scrape.lines("kafka_admin_client_request_total"));
    }

    /** The sum of the series of the clients whose {@code client_id} ends with {@code suffix}. */
    private static double clientSum(PrometheusScrape scrape, String name, String suffix) {
        return scrape.matching(name, Map.of()).stream()
                .filter(sample -> sample.labels().getOrDefault("client_id", "").endsWith(suffix))
                .mapToDouble(PrometheusScrape.Sample::value).sum();
    }
}
