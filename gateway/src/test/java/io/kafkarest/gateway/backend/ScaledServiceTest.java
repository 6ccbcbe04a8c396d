package io.kafkarest.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A service name behind which several replicas listen on the same port (as with {@code docker compose --scale}):
 * every address the name resolves to becomes an endpoint, and the set follows DNS as replicas come and go.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledServiceTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private final int port = FreePorts.next();
    private final StubBackend replica1 = StubBackend.start("replica-1", "127.0.0.1", port);
    private final StubBackend replica2 = StubBackend.start("replica-2", "127.0.0.2", port);
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

    @Inject
    EmbeddedServer server;

    @Inject
    BackendDirectory directory;

    @MockBean(SystemHostResolver.class)
    HostResolver fakeDns() {
        return host -> {
            List<InetAddress> addresses = dns.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        };
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.produce-service.urls", "http://produce-service:" + port,
                "gateway.services.admin-service.urls", "http://admin-service:" + port,
                "gateway.dns-refresh-interval", "100ms",
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @AfterAll
    void stop() {
        replica1.close();
        replica2.close();
    }

    @BeforeEach
    void bothReplicas() throws Exception {
        dns.put("produce-service", List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("::1")));
        awaitEndpoints(2);
        replica1.clear();
        replica2.clear();
    }

    private void awaitEndpoints(int count) {
        Wait.until(Duration.ofSeconds(5), count + " produce endpoints",
                () -> directory.all(BackendService.PRODUCE).join().size() == count);
    }

    private int produce() {
        return HTTP.post("http://127.0.0.1:" + server.getPort() + "/topics/t", "{}",
                "Content-Type", "application/json").status();
    }

    @Test
    void everyReplicaBehindTheNameGetsRequests() {
        for (int i = 0; i < 6; i++) {
            assertEquals(200, produce());
        }
        assertEquals(3, replica1.seen().size());
        assertEquals(3, replica2.seen().size());
        assertEquals(List.of("http://127.0.0.1:" + port, "http://127.0.0.2:" + port),
                directory.all(BackendService.PRODUCE).join().stream().map(e -> e.baseUri()).toList(),
                "IPv4 only, one endpoint per replica");
    }

    @Test
    void followsReplicasComingAndGoing() throws Exception {
        dns.put("produce-service", List.of(InetAddress.getByName("127.0.0.2")));
        awaitEndpoints(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, produce());
        }
        assertEquals(0, replica1.seen().size());
        assertEquals(3, replica2.seen().size());

        dns.remove("produce-service");
        awaitEndpoints(0);
        TestHttp.Reply r = HTTP.post("http://127.0.0.1:" + server.getPort() + "/topics/t", "{}",
                "Content-Type", "application/json");
        assertEquals(502, r.status());
        assertTrue(r.body().contains("produce-service is unavailable: cannot resolve host produce-service"),
                r.body());
    }

    @Test
    void consumerInstanceRequestsWithoutAnyConsumeNodeAreA502NotA404() {
        // consume-service keeps its default URL (http://localhost:8083), which the fake DNS does not know
        TestHttp.Reply r = HTTP.get("http://127.0.0.1:" + server.getPort() + "/consumers/g/instances/i/records");
        assertEquals(502, r.status(), r.body());
        assertTrue(r.body().contains("consume-service is unavailable: cannot resolve host localhost"),
                r.body());
    }

    @Test
    void aReplicaThatRefusesConnectionsIsSkippedForAWhile() {
        // admin-service: one live replica (127.0.0.1), one address where nothing listens (127.0.0.3)
        dns.put("admin-service", List.of(InetAddress.getLoopbackAddress(), loopback("127.0.0.3")));
        Wait.until(Duration.ofSeconds(5), "2 admin endpoints",
                () -> directory.all(BackendService.ADMIN).join().size() == 2);
        int failures = 0;
        for (int i = 0; i < 6; i++) {
            int status = HTTP.get("http://127.0.0.1:" + server.getPort() + "/brokers").status();
            if (status == 502) {
                failures++;
            } else {
                assertEquals(200, status);
            }
        }
        assertEquals(0, failures, "a GET that cannot connect is retried on the live replica, and the dead one is "
                + "skipped afterwards: " + failures + " failures");
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
