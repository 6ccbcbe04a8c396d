package io.kafkarest.bench.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The v3 streaming client against a tiny fake of the endpoint (the JDK's HTTP server): it reads the chunked stream
 * of concatenated JSON records and answers one report line per record, flushed at once, while the body is still
 * coming.
 */
class V3StreamClientTest {
    private static final String PATH = "/v3/clusters/c1/topics/t1/records";
    private static final byte[] RECORD = "{\"value\":{\"type\":\"BINARY\",\"data\":\"AAEC\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicLong recordsSeen = new AtomicLong();

    /** Starts the fake; {@code fails} picks the records (0-based, per stream) that get an error report. */
    private URI start(LongPredicate fails) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(PATH, exchange -> answerStream(exchange, fails));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answerStream(HttpExchange exchange, LongPredicate fails) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            int depth = 0;
            long index = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    recordsSeen.incrementAndGet();
                    String report = fails.test(index)
                            ? "{\"error_code\":40002,\"message\":\"bad record " + index + "\"}\n"
                            : "{\"error_code\":200,\"cluster_id\":\"c1\",\"topic_name\":\"t1\",\"partition_id\":0,"
                                    + "\"offset\":" + index + ",\"timestamp\":\"2026-01-01T00:00:00Z\","
                                    + "\"value\":{\"type\":\"BINARY\",\"size\":3}}\n";
                    out.write(report.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    index++;
                }
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
    void countsOneReportPerRecordOnEveryStream() throws Exception {
        URI base = start(i -> false);
        V3StreamClient.Outcome r = new V3StreamClient(base, PATH, RECORD, 50, 5).run(4, Duration.ofMillis(500));
        assertNull(r.firstError());
        assertTrue(r.ok() > 100, "ok reports: " + r.ok());
        assertEquals(recordsSeen.get(), r.ok(), "every record written got its report");
        assertEquals(0, r.failed());
        assertEquals(r.ok(), r.micros().getTotalCount());
        assertTrue(r.seconds() >= 0.4 && r.seconds() < 5, "seconds: " + r.seconds());
    }

    @Test
    void errorReportsAreCountedAndTheFirstIsKept() throws Exception {
        URI base = start(i -> i % 10 == 3);
        V3StreamClient.Outcome r = new V3StreamClient(base, PATH, RECORD, 20, 20).run(2, Duration.ofMillis(300));
        assertTrue(r.failed() > 0);
        assertEquals(recordsSeen.get(), r.ok() + r.failed());
        assertNotNull(r.firstError());
        assertTrue(r.firstError().contains("40002"), r.firstError());
    }

    @Test
    void anErrorAnswerFailsTheStreamSoftly() throws Exception {
        URI base = start(i -> false);
        V3StreamClient.Outcome r = new V3StreamClient(base, "/v3/clusters/c1/topics/t1/nothing-here", RECORD, 10, 5)
                .run(2, Duration.ofMillis(200));
        assertEquals(0, r.ok());
        assertNotNull(r.firstError());
        assertTrue(r.firstError().startsWith("HTTP 404"), r.firstError());
    }

    @Test
    void aConnectionRefusedIsReported() throws Exception {
        URI base = start(i -> false);
        int port = base.getPort();
        server.stop(0);
        server = null;
        V3StreamClient.Outcome r = new V3StreamClient(URI.create("http://127.0.0.1:" + port), PATH, RECORD, 10, 5)
                .run(1, Duration.ofMillis(100));
        assertEquals(0, r.ok());
        assertTrue(r.firstError().startsWith("connect to"), r.firstError());
    }

    @Test
    void errorCodesAreReadFromReportLines() {
        assertEquals(200, V3StreamClient.errorCode("{\"error_code\":200,\"offset\":1}"));
        assertEquals(40401, V3StreamClient.errorCode("{\"error_code\": 40401,\"message\":\"x\"}"));
        assertEquals(-1, V3StreamClient.errorCode("{\"offset\":1}"));
    }

    @Test
    void chunkedBodiesAreDecoded() throws IOException {
        byte[] wire = "4\r\nab\nc\r\n3;ext=1\r\nd\ne\r\n0\r\nTrailer: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new io.kafkarest.bench.HttpWire.ChunkedInputStream(new ByteArrayInputStream(wire));
        assertEquals("ab\ncd\ne", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
}
