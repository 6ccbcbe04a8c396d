package io.kafkarest.produce.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.testing.PrometheusScrape;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After a produce, GET /prometheus on the management port shows it: domain counters, producer and HTTP metrics. */
@MicronautTest
class ProduceMetricsTest extends ProduceTestSupport {
    @Inject
    Environment environment;

    @Test
    void producedRecordsShowInPrometheus() throws Exception {
        String topic = createTopic(1);
        String body = "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"Yg==\"},{\"value\":\"Yw==\"}]}";
        assertEquals(200, post("/topics/" + topic, "application/vnd.kafka.binary.v2+json",
                "application/vnd.kafka.v2+json", body).status());
        int port = environment.getRequiredProperty("endpoints.all.port", Integer.class);

        PrometheusScrape scrape = PrometheusScrape.awaitAtLeast(port, "http_server_requests_seconds_count",
                Map.of("uri", "/topics/{topic}", "method", "POST", "status", "200"), 1, Duration.ofSeconds(10));

        assertEquals(3, scrape.sum("kafkarest_records_produced_total", Map.of("topic", topic)), scrape.lines("kafkarest"));
        assertEquals(0, scrape.sum("kafkarest_records_failed_total", Map.of("topic", topic)));
        assertTrue(scrape.sum("kafka_producer_record_send_total", Map.of("client_id", "kafka-rest-produce")) >= 3,
                scrape.lines("kafka_producer_record_send"));
        assertTrue(scrape.sum("http_server_requests_seconds_bucket", Map.of("uri", "/topics/{topic}")) > 0,
                "latency histogram");
        assertTrue(scrape.hasSeriesStartingWith("kafka_admin_client_"), "the shared Admin client's metrics");
        assertTrue(scrape.sum("jvm_memory_used_bytes", Map.of()) > 0);
        assertTrue(scrape.hasSeriesStartingWith("jvm_gc_") && scrape.hasSeriesStartingWith("jvm_threads_"));
        assertTrue(scrape.hasSeriesStartingWith("process_") && scrape.hasSeriesStartingWith("system_"));
    }
}
