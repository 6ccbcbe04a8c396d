package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link AccessLogFilter}: one access line per request, the request id settled, returned and in the MDC. */
@MicronautTest
class AccessLogTest {
    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> access = new ListAppender<>();
    private final ListAppender<ILoggingEvent> handling = new ListAppender<>();
    private final List<Logger> loggers = List.of(logger(AccessLogFilter.LOGGER),
            logger(AccessLogTestController.class.getName()), logger(UnexpectedExceptionHandler.class.getName()));
    private Level accessLevel;

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    @BeforeEach
    void attach() {
        access.start();
        handling.start();
        accessLevel = loggers.get(0).getLevel();
        loggers.get(0).setLevel(Level.INFO);
        loggers.get(0).addAppender(access);
        loggers.get(1).addAppender(handling);
        loggers.get(2).addAppender(handling);
    }

    @AfterEach
    void detach() {
        loggers.get(0).setLevel(accessLevel);
        loggers.get(0).detachAppender(access);
        loggers.get(1).detachAppender(handling);
        loggers.get(2).detachAppender(handling);
    }

    private TestHttp.Reply get(String path, String requestId) {
        TestHttp http = TestHttp.to(server.getURL().toString()).withTimeout(Duration.ofSeconds(10));
        return requestId == null ? http.get(path) : http.get(path, "X-Request-Id", requestId);
    }

    /** The one access line of the request with this id (waits briefly: it may be logged after the answer). */
    private ILoggingEvent accessLine(String id) {
        List<ILoggingEvent> lines = Wait.forValue(Duration.ofSeconds(5), "the access line of " + id,
                () -> access.list.stream().filter(e -> id.equals(e.getMDCPropertyMap().get("request_id"))).toList(),
                found -> !found.isEmpty());
        assertEquals(1, lines.size(), "access lines for " + id + ": " + access.list);
        return lines.get(0);
    }

    private static Map<String, Object> keyValues(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    @Test
    void keepsTheIdSentAndLogsOneAccessLine() throws Exception {
        String id = "test-" + UUID.randomUUID();
        TestHttp.Reply response = get("/access/ok?x=1&y=%20", id);
        assertEquals(200, response.status());
        assertEquals(id, response.headers().firstValue("X-Request-Id").orElse(null));

        ILoggingEvent line = accessLine(id);
        assertEquals(ch.qos.logback.classic.Level.INFO, line.getLevel());
        assertTrue(line.getFormattedMessage().matches("GET /access/ok\\?x=1&y=%20 200 \\d+ms"),
                line.getFormattedMessage());
        Map<String, Object> kv = keyValues(line);
        assertEquals("GET", kv.get("method"));
        assertEquals("/access/ok?x=1&y=%20", kv.get("path"));
        assertEquals(200, kv.get("status"));
        assertTrue(((Number) kv.get("duration_ms")).longValue() >= 0, kv.toString());
        assertEquals(id, kv.get("request_id"));
    }

    @Test
    void generatesAnIdWhenNoneIsSent() throws Exception {
        TestHttp.Reply response = get("/access/ok", null);
        assertEquals(200, response.status());
        String id = response.headers().firstValue("X-Request-Id").orElse(null);
        assertNotNull(id);
        assertTrue(RequestIds.isValid(id), id);
        assertEquals(id, keyValues(accessLine(id)).get("request_id"));
    }

    @Test
    void replacesAnInsaneId() throws Exception {
        String insane = "x".repeat(RequestIds.MAX_LENGTH + 1);
        String id = get("/access/ok", insane).headers().firstValue("X-Request-Id").orElseThrow();
        assertFalse(id.equals(insane));
        assertTrue(RequestIds.isValid(id), id);
        accessLine(id);
        String withSpace = get("/access/ok", "a b").headers().firstValue("X-Request-Id").orElseThrow();
        assertFalse(withSpace.equals("a b"));
    }

    @Test
    void theIdIsInTheMdcWhileTheRequestIsHandled() throws Exception {
        for (String path : List.of("/access/ok", "/access/blocking")) {
            String id = "mdc-" + UUID.randomUUID();
            assertEquals(200, get(path, id).status());
            accessLine(id);
            assertTrue(handling.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("handling")
                    && id.equals(e.getMDCPropertyMap().get("request_id"))), path + ": " + handling.list);
        }
    }

    @Test
    void errorsAreLoggedWithTheIdAndTheirStatus() throws Exception {
        String id = "err-" + UUID.randomUUID();
        assertEquals(500, get("/pipeline/unexpected", id).status());
        assertEquals(500, keyValues(accessLine(id)).get("status"));
        assertTrue(handling.list.stream().anyMatch(e -> e.getLoggerName().equals(
                UnexpectedExceptionHandler.class.getName()) && id.equals(e.getMDCPropertyMap().get("request_id"))),
                handling.list.toString());

        String notFound = "nf-" + UUID.randomUUID();
        TestHttp.Reply response = get("/no/such/route", notFound);
        assertEquals(404, response.status());
        assertEquals(notFound, response.headers().firstValue("X-Request-Id").orElse(null));
        assertEquals(404, keyValues(accessLine(notFound)).get("status"));
    }

    @Test
    void asyncAnswersAreLoggedOnce() throws Exception {
        String id = "async-" + UUID.randomUUID();
        TestHttp.Reply response = get("/access/async", id);
        assertEquals("async", response.body());
        assertEquals(id, response.headers().firstValue("X-Request-Id").orElse(null));
        accessLine(id);
    }
}
