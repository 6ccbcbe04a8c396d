package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.ChunkPublisher;
import io.kafkarest.gateway.stub.StubBackend.Seen;
import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProxyTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private final StubBackend admin1 = StubBackend.start("admin-1");
    private final StubBackend admin2 = StubBackend.start("admin-2");
    private final StubBackend produce = StubBackend.start("produce-1");
    private final StubBackend consume = StubBackend.start("consume-1");
    private final StubBackend connect = StubBackend.start("connect-1");
    private final int managementPort = FreePorts.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.admin-service.urls", admin1.url() + "," + admin2.url(),
                "gateway.services.produce-service.urls", produce.url(),
                "gateway.services.consume-service.urls", consume.url(),
                "gateway.services.connect-service.urls", connect.url(),
                "micronaut.server.max-request-size", "30MB",
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @AfterAll
    void stopStubs() {
        List.of(admin1, admin2, produce, consume, connect).forEach(StubBackend::close);
    }

    @BeforeEach
    void clearStubs() {
        List.of(admin1, admin2, produce, consume, connect).forEach(StubBackend::clear);
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private List<Seen> adminSeen() {
        return java.util.stream.Stream.concat(admin1.seen().stream(), admin2.seen().stream()).toList();
    }

    @Test
    void forwardsMethodPathQueryHeadersAndReturnsTheAnswer() {
        TestHttp.Reply r = HTTP.get(gateway() + "/topics/orders?x=1&y=a%20b", "Accept", "application/vnd.kafka.v2+json",
                "X-Custom", "c1");
        assertEquals(200, r.status());
        Seen seen = adminSeen().getFirst();
        assertEquals("GET", seen.method());
        assertEquals("/topics/orders?x=1&y=a%20b", seen.uri());
        assertEquals("application/vnd.kafka.v2+json", seen.header("Accept"));
        assertEquals("c1", seen.header("X-Custom"));
        String node = r.headers().firstValue("X-Stub").orElseThrow();
        assertEquals(node + " GET /topics/orders?x=1&y=a%20b", r.body());
        assertEquals("text/plain", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void backendConnectionsAreKeptAliveAndReused() throws Exception {
        int clients = 8;
        int requestsEach = 25;
        String large = "x".repeat(140_000); // the size of 100 records of 1 KB in base64
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        TestHttp.Reply produced = HTTP.post(gateway() + "/topics/orders",
                                "{\"records\":[{\"value\":\"" + large + "\"}]}",
                                "Content-Type", "application/vnd.kafka.binary.v2+json");
                        assertEquals(200, produced.status(), produced.body());
                        assertEquals(200, HTTP.get(gateway() + "/connectors").status());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Integer> produceConnections = produce.seen().stream().map(Seen::clientPort).collect(Collectors.toSet());
        Set<Integer> connectConnections = connect.seen().stream().map(Seen::clientPort).collect(Collectors.toSet());
        assertEquals(clients * requestsEach, produce.seen().size());
        assertTrue(produceConnections.size() <= 2 * clients, clients * requestsEach + " POSTs from " + clients
                + " clients reuse pooled connections: " + produceConnections.size() + " connections");
        assertTrue(connectConnections.size() <= 2 * clients, clients * requestsEach + " GETs from " + clients
                + " clients reuse pooled connections: " + connectConnections.size() + " connections");
    }

    @Test
    void setsForwardedHeaders() {
        HTTP.get(gateway() + "/brokers", "X-Forwarded-For", "203.0.113.7");
        Seen seen = adminSeen().getFirst();
        assertEquals("203.0.113.7, 127.0.0.1", seen.header("X-Forwarded-For"));
        assertEquals("http", seen.header("X-Forwarded-Proto"));
        assertEquals("127.0.0.1", seen.header("X-Forwarded-Host"));
        assertEquals(String.valueOf(server.getPort()), seen.header("X-Forwarded-Port"));
        assertEquals("for=127.0.0.1;proto=http;host=\"127.0.0.1:" + server.getPort() + "\"", seen.header("Forwarded"));
    }

    @Test
    void routesByMethodAndPathToEachService() {
        assertEquals("connect-1", HTTP.get(gateway() + "/").headers().firstValue("X-Stub").orElseThrow());
        assertEquals("connect-1", HTTP.get(gateway() + "/health").headers().firstValue("X-Stub").orElseThrow());
        assertEquals("connect-1", HTTP.send("PUT", gateway() + "/connectors/c/pause", null)
                .headers().firstValue("X-Stub").orElseThrow());
        assertEquals("connect-1", HTTP.get(gateway() + "/connector-plugins").headers().firstValue("X-Stub")
                .orElseThrow());
        assertEquals("produce-1", HTTP.post(gateway() + "/topics/orders", "{\"records\":[]}",
                "Content-Type", "application/vnd.kafka.json.v2+json").headers().firstValue("X-Stub").orElseThrow());
        assertEquals("produce-1", HTTP.post(gateway() + "/v3/clusters/c/topics/t/records:batch", "{}")
                .headers().firstValue("X-Stub").orElseThrow());
        assertTrue(HTTP.get(gateway() + "/topics/orders").headers().firstValue("X-Stub").orElseThrow()
                .startsWith("admin"));
        assertTrue(HTTP.get(gateway() + "/v3/clusters").headers().firstValue("X-Stub").orElseThrow()
                .startsWith("admin"));
        assertEquals("consume-1", HTTP.get(gateway() + "/topics/orders/partitions/0/messages?offset=2")
                .headers().firstValue("X-Stub").orElseThrow());
        assertEquals("POST", produce.seen().getFirst().method());
        assertEquals("{\"records\":[]}", new String(produce.seen().getFirst().body()));
        assertEquals("application/vnd.kafka.json.v2+json", produce.seen().getFirst().header("Content-Type"));
    }

    @Test
    void returnsBackendErrorsAsTheyAre() {
        TestHttp.Reply r = HTTP.get(gateway() + "/topics/missing?stub_status=404");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("\"error_code\":40401"), r.body());
        assertTrue(r.body().contains("from admin-"), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownPathIsA404Json() {
        TestHttp.Reply r = HTTP.get(gateway() + "/no/such/path");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("\"error_code\":404"), r.body());
        assertTrue(r.body().contains("/no/such/path"), r.body());
        assertTrue(adminSeen().isEmpty() && produce.seen().isEmpty());
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405JsonWithAllow() {
        TestHttp.Reply r = HTTP.send("DELETE", gateway() + "/topics/orders", null);
        assertEquals(405, r.status(), r.body());
        assertTrue(r.body().contains("\"error_code\":405"), r.body());
        assertEquals("GET, HEAD, POST", r.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, HTTP.send("PUT", gateway() + "/", null).status(), "Connect's root is GET only");
        assertTrue(adminSeen().isEmpty() && produce.seen().isEmpty() && connect.seen().isEmpty());
    }

    @Test
    void aMalformedPercentEscapeIsA400AndReachesNoService() throws Exception {
        java.net.URI uri = java.net.URI.create(gateway());
        for (String path : new String[] {"/topics/%ZZ", "/topics/%4", "/connectors/a%zzb/status"}) {
            try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                        + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
                assertTrue(answer.contains("\"error_code\":400"), path + ": " + answer);
            }
        }
        assertEquals(200, HTTP.get(gateway() + "/topics/a%20b").status(), "a well-formed escape passes");
        assertTrue(connect.seen().isEmpty() && produce.seen().isEmpty(), "no service got a malformed request");
    }

    @Test
    void largeBodiesPassThroughIntactBothWays() {
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(body);
        TestHttp.Reply r = HTTP.send("POST", gateway() + "/topics/big", body,
                "Content-Type", "application/octet-stream");
        assertEquals(200, r.status());
        assertEquals(body.length, produce.seen().getFirst().body().length);
        assertArrayEquals(body, produce.seen().getFirst().body(), "request body reached the backend intact");
        assertArrayEquals(body, r.bytes(), "response body came back intact");
    }

    @Test
    void bodiesAboveTheConfiguredLimitAreA413() throws Exception {
        // a raw client: announces 31 MB (limit here: 30 MB), sends a little, reads the answer
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /topics/big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (31 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"error_code\":413"), answer);
        }
        assertTrue(produce.seen().isEmpty(), "nothing was forwarded");
    }

    @Test
    void responseBodyIsStreamedNotBuffered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        connect.rawHandler("/connectors/streaming", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream out = exchange.getResponseBody();
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<InputStream> r = client.send(java.net.http.HttpRequest.newBuilder(
                URI.create(gateway() + "/connectors/streaming")).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String first = CompletableFuture.supplyAsync(() -> readLine(reader)).get(5, TimeUnit.SECONDS);
            assertEquals("first", first, "the first chunk arrives while the backend is still writing");
            release.countDown();
            assertEquals("second", readLine(reader));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClientThatStopsReadingHoldsTheNodeBackAndClosingItEndsTheNodesAnswer() throws Exception {
        long answerBytes = 256L * 1024 * 1024;
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Throwable> nodeEnded = new CompletableFuture<>();
        connect.rawHandler("/connectors/endless", exchange -> {
            exchange.sendResponseHeaders(200, answerBytes);
            byte[] piece = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < answerBytes) {
                    out.write(piece); // blocks while the gateway does not take more
                    written.addAndGet(piece.length);
                }
                nodeEnded.complete(null);
            } catch (java.io.IOException e) {
                nodeEnded.complete(e);
            }
        });
        try (java.net.Socket client = new java.net.Socket()) {
            client.setReceiveBufferSize(64 * 1024);
            client.connect(new java.net.InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            client.getOutputStream().write("GET /connectors/endless HTTP/1.1\r\nHost: gw\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = client.getInputStream().readNBytes(1024);
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            // the client reads nothing more: what the node wrote must settle far below the answer's size
            java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(-1);
            java.util.concurrent.atomic.AtomicLong seenSince = new java.util.concurrent.atomic.AtomicLong();
            long last = Wait.forValue(Duration.ofSeconds(30), "the node to stop writing for 1 s (bytes written)",
                    () -> {
                        long now = written.get();
                        if (seen.getAndSet(now) != now) {
                            seenSince.set(System.nanoTime());
                        }
                        return now;
                    },
                    now -> System.nanoTime() - seenSince.get() >= TimeUnit.SECONDS.toNanos(1));
            assertTrue(last < 96L * 1024 * 1024, "the node wrote " + last + " bytes for a client that reads"
                    + " nothing: beyond the socket buffers and one read's worth, the gateway must hold it back");
        }
        if (closesTheNodesConnectionWithTheClients()) {
            assertNotNull(nodeEnded.get(10, TimeUnit.SECONDS),
                    "closing the client closes the node's connection: its write fails");
        }
    }

    /** Whether a client going away mid-answer closes the node's connection (the lane does). */
    boolean closesTheNodesConnectionWithTheClients() {
        return true;
    }

    @Test
    void requestBodyIsStreamedNotBuffered() throws Exception {
        CountDownLatch firstPartSeen = new CountDownLatch(1);
        produce.rawHandler("/topics/streaming", exchange -> {
            InputStream in = exchange.getRequestBody();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) > 0; ) { // read() returns what has arrived so far
                received.write(buffer, 0, n);
                if (received.toString(StandardCharsets.UTF_8).equals("part1,")) {
                    firstPartSeen.countDown();
                }
            }
            byte[] all = received.toByteArray();
            exchange.sendResponseHeaders(200, all.length);
            exchange.getResponseBody().write(all);
        });
        ChunkPublisher body = new ChunkPublisher();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                        URI.create(gateway() + "/topics/streaming"))
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        body.send("part1,".getBytes(StandardCharsets.UTF_8));
        assertTrue(firstPartSeen.await(5, TimeUnit.SECONDS),
                "the backend reads the first part while the client is still sending");
        body.send("part2".getBytes(StandardCharsets.UTF_8));
        body.finish();
        HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("part1,part2", r.body());
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void compressedAnswersPassThroughUntouched() throws Exception {
        String payload = "{\"brokers\":[" + "1,".repeat(2000) + "2]}";
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(payload.getBytes(StandardCharsets.UTF_8));
        }
        for (StubBackend admin : List.of(admin1, admin2)) {
            admin.rawHandler("/brokers/gzip", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, gz.size());
                exchange.getResponseBody().write(gz.toByteArray());
            });
        }
        TestHttp.Reply r = HTTP.get(gateway() + "/brokers/gzip", "Accept-Encoding", "gzip");
        assertEquals(200, r.status());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(r.bytes()))) {
            assertEquals(payload, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void spreadsRequestsRoundRobinOverTheEndpointsOfAService() {
        for (int i = 0; i < 6; i++) {
            assertEquals(200, HTTP.get(gateway() + "/brokers").status());
        }
        assertEquals(3, admin1.seen().size());
        assertEquals(3, admin2.seen().size());
    }

    @Test
    void managementPortServesTheGatewaysOwnHealth() {
        TestHttp.Reply r = HTTP.get("http://127.0.0.1:" + managementPort + "/health/readiness");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("\"UP\""), r.body());
        assertTrue(r.body().contains(admin1.url()), r.body());
        assertTrue(connect.seen().isEmpty(), "management requests are not proxied");
        assertNotNull(HTTP.get(gateway() + "/health").headers().firstValue("X-Stub").orElse(null),
                "/health on the API port is Connect's");
    }
}
