package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.rest.AccessLogFilter;
import io.kafkarest.rest.RequestIds;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Every request through the gateway has an {@code X-Request-Id}: kept or generated, sent on, returned, logged. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private final StubBackend admin = StubBackend.start("admin-1");
    private final StubBackend produce = StubBackend.start("produce-1");
    private final StubBackend consume = StubBackend.start("consume-1");
    private final ListAppender<ILoggingEvent> access = new ListAppender<>();
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.admin-service.urls", admin.url(),
                "gateway.services.produce-service.urls", produce.url(),
                "gateway.services.consume-service.urls", consume.url(),
                "gateway.services.connect-service.urls", "http://127.0.0.1:" + FreePorts.next(), // down: 502
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @AfterAll
    void stopStubs() {
        List.of(admin, produce, consume).forEach(StubBackend::close);
    }

    @BeforeEach
    void attach() {
        List.of(admin, produce, consume).forEach(StubBackend::clear);
        access.list.clear();
        access.start();
        accessLogger.setLevel(Level.INFO);
        accessLogger.addAppender(access);
    }

    @AfterEach
    void detach() {
        accessLogger.detachAppender(access);
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private static String idOf(TestHttp.Reply response) {
        return response.headers().firstValue("X-Request-Id").orElse(null);
    }

    /** The gateway's one access line for this id (logged as the answer is ready: waits a little at most). */
    private ILoggingEvent accessLine(String id) {
        List<ILoggingEvent> lines = Wait.forValue(Duration.ofSeconds(5), "the access line of " + id,
                () -> access.list.stream().filter(e -> id.equals(e.getMDCPropertyMap().get("request_id"))).toList(),
                found -> !found.isEmpty());
        assertEquals(1, lines.size(), "access lines for " + id + ": " + access.list);
        return lines.get(0);
    }

    @Test
    void aRequestWithoutAnIdReachesTheServiceWithAGeneratedOneAndTheAnswerCarriesIt() throws Exception {
        TestHttp.Reply r = HTTP.get(gateway() + "/topics/orders?x=1");
        assertEquals(200, r.status());
        String id = idOf(r);
        assertNotNull(id);
        assertTrue(RequestIds.isValid(id), id);
        assertEquals(id, admin.seen().getFirst().header("X-Request-Id"));
        assertTrue(accessLine(id).getFormattedMessage().matches("GET /topics/orders\\?x=1 200 \\d+ms"),
                accessLine(id).getFormattedMessage());
    }

    @Test
    void anIdTheClientSentIsKept() throws Exception {
        String id = "client-" + UUID.randomUUID();
        TestHttp.Reply r = HTTP.post(gateway() + "/topics/orders", "{}", "Content-Type", "application/json",
                "X-Request-Id", id);
        assertEquals(200, r.status());
        assertEquals(id, idOf(r));
        assertEquals(id, produce.seen().getFirst().header("X-Request-Id"));
        accessLine(id);
    }

    @Test
    void anInsaneIdIsReplacedOnTheWayToTheServiceAndBack() {
        String insane = "bad id with spaces";
        TestHttp.Reply r = HTTP.get(gateway() + "/brokers", "X-Request-Id", insane);
        String id = idOf(r);
        assertNotEquals(insane, id);
        assertTrue(RequestIds.isValid(id), id);
        assertEquals(List.of(id), admin.seen().getFirst().headers().get("x-request-id"));
    }

    @Test
    void theConsumerCreateExchangeSendsTheIdToo() {
        String id = "create-" + UUID.randomUUID();
        TestHttp.Reply r = HTTP.post(gateway() + "/consumers/g1", "{\"format\":\"json\"}",
                "Content-Type", "application/vnd.kafka.v2+json", "X-Request-Id", id);
        assertEquals(id, idOf(r));
        assertEquals(id, consume.seen("/consumers/g1").getFirst().header("X-Request-Id"));
    }

    @Test
    void theGatewaysOwnErrorsCarryAnId() throws Exception {
        TestHttp.Reply notFound = HTTP.get(gateway() + "/no/such/path");
        assertEquals(404, notFound.status());
        assertEquals(404, accessLine(idOf(notFound)).getKeyValuePairs().stream()
                .filter(kv -> kv.key.equals("status")).findFirst().orElseThrow().value);

        String id = "down-" + UUID.randomUUID();
        TestHttp.Reply down = HTTP.get(gateway() + "/connectors", "X-Request-Id", id);
        assertEquals(502, down.status(), down.body());
        assertEquals(id, idOf(down));
        accessLine(id);

        java.net.URI uri = java.net.URI.create(gateway());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET /topics/%ZZ HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nX-Request-Id: malformed-1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("x-request-id: malformed-1"), answer);
        }
        accessLine("malformed-1");
    }
}
