package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
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

/** Backends that are down, missing, unresolvable or hanging: JSON errors, fast. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayFailureTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private final StubBackend slowConsume = StubBackend.start("slow-consume");
    private final int closedPort = FreePorts.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.admin-service.urls", "http://no-such-host.invalid:8081",
                "gateway.services.produce-service.urls", "http://127.0.0.1:" + closedPort,
                "gateway.services.consume-service.urls", slowConsume.url(),
                "gateway.services.connect-service.urls", "",
                "micronaut.http.client.read-timeout", "1s",
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @AfterAll
    void stop() {
        slowConsume.close();
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void closedPortIsA502() {
        long start = System.nanoTime();
        TestHttp.Reply r = HTTP.post(gateway() + "/topics/t", "{}", "Content-Type", "application/json");
        assertFast(start);
        assertEquals(502, r.status());
        assertTrue(r.body().contains("\"error_code\":502"), r.body());
        assertTrue(r.body().contains("produce-service is unavailable: "), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(502, HTTP.post(gateway() + "/topics/t", "{}", "Content-Type", "application/json").status());
    }

    @Test
    void unresolvableHostIsA502() {
        long start = System.nanoTime();
        TestHttp.Reply r = HTTP.get(gateway() + "/topics");
        assertFast(start);
        assertEquals(502, r.status());
        assertTrue(r.body().contains("admin-service is unavailable: cannot resolve host no-such-host.invalid"),
                r.body());
    }

    @Test
    void noConfiguredEndpointIsA503() {
        TestHttp.Reply r = HTTP.get(gateway() + "/connectors");
        assertEquals(503, r.status());
        assertTrue(r.body().contains("\"error_code\":503"), r.body());
        assertTrue(r.body().contains("connect-service is unavailable: no endpoint configured"), r.body());
    }

    @Test
    void hangingBackendIsA504() {
        long start = System.nanoTime();
        TestHttp.Reply r = HTTP.get(gateway() + "/topics/t/partitions/0/messages?stub_hang=true");
        assertFast(start);
        assertEquals(504, r.status());
        assertTrue(r.body().contains("\"error_code\":504"), r.body());
        assertTrue(r.body().contains("consume-service did not answer in time"), r.body());
    }

    private static void assertFast(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered in " + took);
    }
}
