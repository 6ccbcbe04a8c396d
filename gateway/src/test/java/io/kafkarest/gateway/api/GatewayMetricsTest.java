package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.PrometheusScrape;
import io.kafkarest.testing.TestHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests per route and status, retries on the next replica and backend errors, on GET /prometheus. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayMetricsTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private final StubBackend admin = StubBackend.start("admin");
    private final int closedPort = FreePorts.next();
    private final int managementPort = FreePorts.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                // one admin node is down: a GET that meets it is retried on the other
                "gateway.services.admin-service.urls", "http://127.0.0.1:" + closedPort + "," + admin.url(),
                "gateway.services.produce-service.urls", "http://127.0.0.1:" + closedPort,
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    @Test
    void routesRetriesAndBackendErrorsShowInPrometheus() {
        String gateway = "http://127.0.0.1:" + server.getPort();
        assertEquals(200, HTTP.get(gateway + "/topics").status());
        assertEquals(200, HTTP.get(gateway + "/topics").status()); // round robin: one of the two met the closed port
        assertEquals(502, HTTP.post(gateway + "/topics/t", "{}", "Content-Type", "application/json").status());
        assertEquals(404, HTTP.get(gateway + "/no/such/path").status());
        assertEquals(405, HTTP.delete(gateway + "/brokers").status());

        PrometheusScrape scrape = PrometheusScrape.awaitAtLeast(managementPort,
                "kafkarest_gateway_requests_seconds_count",
                Map.of("route", "/topics/**", "service", "admin-service", "status", "200"), 2, Duration.ofSeconds(10));
        assertEquals(1, scrape.sum("kafkarest_gateway_requests_seconds_count",
                Map.of("route", "/topics/{topic}", "service", "produce-service", "status", "502")),
                scrape.lines("kafkarest_gateway"));
        assertEquals(1, scrape.sum("kafkarest_gateway_retries_total",
                Map.of("service", "admin-service", "backend", "http://127.0.0.1:" + closedPort)),
                scrape.lines("kafkarest_gateway"));
        assertEquals(1, scrape.sum("kafkarest_gateway_backend_errors_total", Map.of("service", "produce-service")));
        assertEquals(1, scrape.sum("kafkarest_gateway_requests_seconds_count",
                Map.of("route", "none", "service", "none", "status", "404")), "no route: counted too");
        assertEquals(1, scrape.sum("kafkarest_gateway_requests_seconds_count",
                Map.of("route", "none", "service", "none", "status", "405")));
        assertTrue(scrape.sum("kafkarest_gateway_requests_seconds_bucket",
                Map.of("route", "/topics/**", "status", "200", "le", "+Inf")) >= 2, "a latency histogram per route");
        assertTrue(scrape.sum("jvm_memory_used_bytes", Map.of()) > 0);
        // proxied requests never reach Micronaut's routes: http_server_requests covers the management port only
        PrometheusScrape.awaitAtLeast(managementPort, "http_server_requests_seconds_count",
                Map.of("uri", "/prometheus", "status", "200"), 1, Duration.ofSeconds(10));
    }
}
