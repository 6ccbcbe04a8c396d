package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.PrometheusScrape;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After a request, GET /prometheus on the management port shows it and the Admin client's own metrics. */
@MicronautTest
class AdminMetricsTest extends AdminServiceTest {

    @Test
    void requestsAndAdminClientShowInPrometheus() {
        assertEquals(200, http().get("/v3/clusters").status());

        PrometheusScrape scrape = PrometheusScrape.awaitAtLeast(managementPort, "http_server_requests_seconds_count",
                Map.of("uri", "/v3/clusters", "method", "GET", "status", "200"), 1, Duration.ofSeconds(10));
        assertTrue(scrape.sum("http_server_requests_seconds_bucket", Map.of("uri", "/v3/clusters")) > 0);
        assertTrue(scrape.sum("kafka_admin_client_request_total", Map.of("client_id", "kafka-rest-admin")) > 0,
                scrape.lines("kafka_admin_client_request"));
        assertTrue(scrape.hasSeriesStartingWith("jvm_threads_") && scrape.hasSeriesStartingWith("process_"));
    }
}
