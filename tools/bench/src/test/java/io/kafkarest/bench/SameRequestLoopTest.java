package io.kafkarest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fixed-request loop against a fake produce-service (the JDK's HTTP server): the same POST with its body on
 * every request, a record count per answer, and an answer with a numeric {@code error_code} counted as failed.
 */
class SameRequestLoopTest {
    private static final byte[] BODY = "{\"records\":[{\"value\":\"AAEC\"},{\"value\":\"AwQF\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String OK = "{\"offsets\":[{\"partition\":0,\"offset\":1,\"error_code\":null,\"error\":null},"
            + "{\"partition\":0,\"offset\":2,\"error_code\":null,\"error\":null}]}";
    private static final String FAILED = "{\"offsets\":[{\"partition\":null,\"offset\":null,\"error_code\":50002,"
            + "\"error\":\"Kafka error\"}]}";

    private HttpServer server;
    private final AtomicLong posts = new AtomicLong();
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final Set<String> contentTypes = ConcurrentHashMap.newKeySet();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/topics/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] got = exchange.getRequestBody().readAllBytes();
        posts.incrementAndGet();
        bodies.add(exchange.getRequestMethod() + " " + new String(got, StandardCharsets.UTF_8));
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        connections.add(exchange.getRemoteAddress().getPort());
        byte[] answer = (exchange.getRequestURI().getPath().endsWith("/broken") ? FAILED : OK)
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheSameBodyOnKeptAliveConnectionsAndCountsTheBatchPerAnswer() throws Exception {
        URI base = start();
        ClosedLoop.Outcome r = ClosedLoop.run(SameRequestLoop.of(3, base.resolve("/topics/t"), "POST", BODY,
                        "application/vnd.kafka.binary.v2+json", "application/vnd.kafka.v2+json", 2),
                Duration.ofMillis(100), Duration.ofMillis(400), MeasuredWindow.NONE);
        assertNull(r.firstError());
        assertTrue(r.requests() > 0, "answers in the window");
        assertEquals(2 * r.requests(), r.records());
        assertEquals(2 * posts.get(), r.totalRecords());
        assertEquals(r.requests(), r.micros().getTotalCount());
        assertEquals(0, r.failed());
        assertEquals(Set.of("POST " + new String(BODY, StandardCharsets.UTF_8)), bodies);
        assertEquals(Set.of("application/vnd.kafka.binary.v2+json"), contentTypes);
        assertEquals(3, connections.size(), "keep-alive: one connection per loop");
    }

    @Test
    void anAnswerWithAnErrorCodeIsAFailedRequest() throws Exception {
        URI base = start();
        ClosedLoop.Outcome r = ClosedLoop.run(List.of(new SameRequestLoop(base.resolve("/topics/broken"), "POST",
                        BODY, "application/vnd.kafka.binary.v2+json", "application/vnd.kafka.v2+json", 2)),
                Duration.ZERO, Duration.ofMillis(300), MeasuredWindow.NONE);
        assertEquals(0, r.records());
        assertEquals(0, r.totalRecords());
        assertTrue(r.firstError().startsWith("HTTP 2xx with an error: {\"offsets\":[{\"partition\":null"),
                r.firstError());
        assertEquals(0, r.requests());
    }

    @Test
    void credentialsInTheUrlGoAsBasicAuthorizationWithEveryRequest() throws Exception {
        URI base = start();
        URI secured = URI.create("http://bench:pw%40x@127.0.0.1:" + base.getPort() + "/topics/t");
        ClosedLoop.Outcome r = ClosedLoop.run(SameRequestLoop.of(2, secured, "GET", null, null,
                "application/vnd.kafka.v2+json", 1), Duration.ZERO, Duration.ofMillis(200), MeasuredWindow.NONE);
        assertNull(r.firstError());
        assertTrue(r.requests() > 0);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "bench:pw@x".getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of(expected), authorizations);

        authorizations.clear();
        assertEquals(200, new RestAdmin(secured).send("GET", secured, null, null).statusCode(), "the JDK's client");
        assertEquals(Set.of(expected), authorizations);

        // a base_uri the gateway answers (no credentials) gets the gateway URL's again; printing drops them
        assertEquals(URI.create("http://bench:pw%40x@127.0.0.1:8180/consumers/g/instances/i?x=1"),
                HttpWire.withUserInfoOf(secured, URI.create("http://127.0.0.1:8180/consumers/g/instances/i?x=1")));
        assertEquals(URI.create("http://127.0.0.1:" + base.getPort() + "/topics/t"), HttpWire.withoutUserInfo(secured));
        assertEquals("", HttpWire.authorizationLine(base));
    }

    @Test
    void aGetHasNoBody() throws Exception {
        URI base = start();
        ClosedLoop.Outcome r = ClosedLoop.run(SameRequestLoop.of(1, base.resolve("/topics/t"), "GET", null, null,
                "application/vnd.kafka.v2+json", 1), Duration.ZERO, Duration.ofMillis(200), MeasuredWindow.NONE);
        assertNull(r.firstError());
        assertEquals(r.requests(), r.records());
        assertEquals(Set.of("GET "), bodies);
        assertEquals(Set.of("null"), contentTypes);
    }

    @Test
    void pacedLoopsKeepTheirRateAlsoInTurns() throws Exception {
        URI base = start();
        // 100 requests/s per set, over 2 loops each; the fake answers at once, so unpaced they would send thousands
        List<SameRequestLoop> first = SameRequestLoop.of(2, base.resolve("/topics/a"), "POST", BODY, "x", "y", 2);
        List<SameRequestLoop> second = SameRequestLoop.of(2, base.resolve("/topics/b"), "POST", BODY, "x", "y", 2);
        first.forEach(l -> l.paced(50));
        second.forEach(l -> l.paced(50));
        ClosedLoop.Outcome[] r = ClosedLoop.runInTurns(first, second, Duration.ofMillis(200), Duration.ofMillis(1000),
                Duration.ofMillis(250), MeasuredWindow.NONE);
        for (ClosedLoop.Outcome o : r) {
            assertNull(o.firstError());
            // a turn restarts the pace (no burst to catch up the other set's turn), so about 100 per measured second
            assertTrue(o.requestsPerSec() > 60 && o.requestsPerSec() <= 112, "requests/s " + o.requestsPerSec());
            assertEquals(2 * o.requests(), o.records());
        }
    }
}
