package io.kafkarest.bench.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.kafkarest.bench.ClosedLoop;
import io.kafkarest.bench.MeasuredWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The v2 read loop against a fake consume-service (the JDK's HTTP server): every {@code GET .../records} answers
 * {@link #PER_ANSWER} records, with a Content-Length on one instance and chunked on the other.
 */
class V2RecordsClientTest {
    private static final int PER_ANSWER = 7;

    private HttpServer server;
    private final AtomicLong answers = new AtomicLong();
    private final Set<String> queries = ConcurrentHashMap.newKeySet();
    private final Set<String> accepts = ConcurrentHashMap.newKeySet();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private final List<Served> served = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** A request of set {@code set} ("turns" test), from its arrival to its answer's head. */
    private record Served(char set, long fromNs, long toNs) {
    }

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/consumers/g/instances/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long arrived = System.nanoTime();
        if (path.contains("/turns-")) {
            try {
                Thread.sleep(2); // an answer takes a while: requests of both sets would overlap if they could
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queries.add(exchange.getRequestURI().getQuery());
        accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
        connections.add(exchange.getRemoteAddress().getPort());
        if (path.contains("/missing/")) {
            byte[] body = "{\"error_code\":40403,\"message\":\"Consumer instance not found.\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < PER_ANSWER; i++) {
            s.append(i == 0 ? "" : ",").append("{\"topic\":\"t\",\"key\":null,\"value\":\"AAECAwQ=\",\"partition\":")
                    .append(i % 6).append(",\"offset\":").append(answers.get() * PER_ANSWER + i).append('}');
        }
        byte[] body = s.append(']').toString().getBytes(StandardCharsets.UTF_8);
        answers.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", V2RecordsClient.ACCEPT);
        boolean chunked = path.contains("/chunked/");
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        if (path.contains("/turns-")) {
            served.add(new Served(path.contains("/turns-a") ? 'a' : 'b', arrived, System.nanoTime()));
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                // several chunks, split inside a key
                out.write(body, 0, 50);
                out.flush();
                out.write(body, 50, body.length - 50);
            } else {
                out.write(body);
            }
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void countsTheRecordsOfEveryAnswerOnOneConnectionPerInstance() throws Exception {
        URI base = start();
        ClosedLoop.Outcome r = new V2RecordsClient(Duration.ofMillis(250), 1000).run(
                List.of(base.resolve("/consumers/g/instances/plain"), base.resolve("/consumers/g/instances/chunked")),
                Duration.ofMillis(100), Duration.ofMillis(500));
        assertNull(r.firstError());
        assertTrue(r.requests() > 0, "answers in the window");
        assertEquals(r.requests() * PER_ANSWER, r.records());
        assertTrue(r.totalRecords() >= r.records());
        assertEquals(answers.get() * PER_ANSWER, r.totalRecords());
        assertEquals(0.5, r.seconds(), 1e-9);
        assertTrue(r.micros().getTotalCount() == r.requests());
        assertEquals(Set.of("timeout=250&max_bytes=1000"), queries);
        assertEquals(Set.of("application/vnd.kafka.binary.v2+json"), accepts);
        assertEquals(2, connections.size(), "keep-alive: one connection per instance");
    }

    @Test
    void anErrorIsKeptWhileOtherInstancesGoOn() throws Exception {
        URI base = start();
        ClosedLoop.Outcome r = new V2RecordsClient(Duration.ofMillis(250), 1000).run(
                List.of(base.resolve("/consumers/g/instances/plain"), base.resolve("/consumers/g/instances/missing")),
                Duration.ZERO, Duration.ofMillis(600));
        assertNotNull(r.firstError());
        assertTrue(r.firstError().startsWith("HTTP 404 {\"error_code\":40403"), r.firstError());
        // the failing instance gave up after 10 errors in a row, before the window (it never had records, so the
        // window started once it gave up); the other one read through the window
        assertTrue(r.records() > 0, "the other instance still read");
    }

    @Test
    void aRunThatReadTheWholeTopicIsRatedOverItsBusyTime() {
        ConsumeBench.Window full = ConsumeBench.Window.of(1000, 2.0, 5000, 5000, 1_500_000_000L, 1_000_000_000L);
        assertEquals(2000, full.perSec(), 1e-9);
        assertNotNull(full.note());
        ConsumeBench.Window normal = ConsumeBench.Window.of(1000, 2.0, 3000, 5000, 1_500_000_000L, 1_000_000_000L);
        assertEquals(500, normal.perSec(), 1e-9);
        assertNull(normal.note());
    }

    @Test
    void twoSetsReadInTurnsNeverAtOnceAndEachForTheDuration() throws Exception {
        URI base = start();
        List<URI> a = List.of(base.resolve("/consumers/g/instances/turns-a1"), base.resolve("/consumers/g/instances/turns-a2"));
        List<URI> b = List.of(base.resolve("/consumers/g/instances/turns-b1"));
        AtomicLong windows = new AtomicLong();
        AtomicLong windowNanos = new AtomicLong();
        MeasuredWindow counting = new MeasuredWindow() {
            long started;

            @Override
            public void started() {
                started = System.nanoTime();
            }

            @Override
            public void ended() {
                windows.incrementAndGet();
                windowNanos.addAndGet(System.nanoTime() - started);
            }
        };
        ClosedLoop.Outcome[] r = new V2RecordsClient(Duration.ofMillis(250), 1000).runInTurns(a, b,
                Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofMillis(100), counting, 0);
        for (ClosedLoop.Outcome o : r) {
            assertNull(o.firstError());
            assertTrue(o.requests() > 10, "answers in the measured turns: " + o.requests());
            assertEquals(o.requests() * PER_ANSWER, o.records());
            assertEquals(o.requests(), o.micros().getTotalCount());
            assertTrue(o.seconds() >= 0.6 && o.seconds() < 0.7, "measured " + o.seconds() + " s");
        }
        // the second set's measured turns, and only those: 6 turns of 100 ms
        assertEquals(6, windows.get());
        assertTrue(windowNanos.get() / 1e9 >= 0.6 && windowNanos.get() / 1e9 < 0.7, "window " + windowNanos.get());
        // in the measured turns (from windowStartNs on; while priming, all instances read at once) the requests of
        // one set never overlap with the other set's, and the sets take turns
        long measuredFrom = r[0].windowStartNs();
        assertEquals(measuredFrom, r[1].windowStartNs());
        List<Served> measured;
        synchronized (served) {
            measured = new java.util.ArrayList<>(served.stream().filter(x -> x.fromNs() >= measuredFrom).toList());
        }
        measured.sort(java.util.Comparator.comparingLong(Served::fromNs));
        int overlaps = 0;
        int switches = 0;
        for (int i = 1; i < measured.size(); i++) {
            Served prev = measured.get(i - 1);
            Served next = measured.get(i);
            if (prev.set() != next.set()) {
                switches++;
                if (next.fromNs() < prev.toNs()) {
                    overlaps++;
                }
            }
        }
        assertEquals(0, overlaps, "requests of one set overlapped with the other's");
        StringBuilder seq = new StringBuilder();
        measured.forEach(x -> seq.append(x.set()));
        assertTrue(switches >= 9, "the sets took turns (6 measured turns each): " + switches + " switches: " + seq);
    }
}
