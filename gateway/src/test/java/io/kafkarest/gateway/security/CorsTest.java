package io.kafkarest.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS on the proxied paths: preflights answered by the gateway (not forwarded, not challenged); with Basic
 * authentication on too, a request whose password was accepted before takes the pass-through lane.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {
    private static final TestHttp HTTP = TestHttp.to("");
    private static final String UI = "https://ui.example.com";
    private final StubBackend backend = StubBackend.start("admin-1");
    private EmbeddedServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, HashPassword.line("alice", "s3cret", 4) + "\n"
                + HashPassword.line("carol", "c4rol", 4) + "\n");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "gateway.services.admin-service.urls", backend.url(),
                "gateway.services.produce-service.urls", backend.url(),
                "gateway.services.consume-service.urls", backend.url(),
                "gateway.services.connect-service.urls", backend.url(),
                "endpoints.all.port", FreePorts.next(),
                "gateway.auth.users-file", users.toString(),
                "gateway.cors.enabled", true,
                "gateway.cors.allowed-origins", UI + ", https://other.example.com"));
    }

    @AfterAll
    void stop() {
        server.close();
        backend.close();
    }

    @BeforeEach
    void clear() {
        backend.clear();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Test
    void preflightIsAnsweredWithoutForwardingOrCredentials() {
        TestHttp.Reply r = HTTP.send("OPTIONS", url("/topics/orders"), null, "Origin", UI,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, authorization");
        assertEquals(200, r.status(), r.body());
        assertEquals(UI, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertEquals("accept, authorization, content-type",
                r.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertEquals("1800", r.headers().firstValue("Access-Control-Max-Age").orElse(null));
        assertEquals("Origin", r.headers().firstValue("Vary").orElse(null));
        assertEquals(List.of(), backend.seen());
    }

    @Test
    void preflightFromAnotherOriginOrForAnotherMethodIsRefused() {
        TestHttp.Reply r = HTTP.send("OPTIONS", url("/topics/orders"), null, "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "POST");
        assertEquals(403, r.status());
        assertTrue(r.body().startsWith("{\"error_code\":403,"), r.body());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(403, HTTP.send("OPTIONS", url("/topics/orders"), null, "Origin", UI,
                "Access-Control-Request-Method", "TRACE").status());
        assertEquals(403, HTTP.send("OPTIONS", url("/topics/orders"), null, "Origin", UI,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-secret").status());
        assertEquals(List.of(), backend.seen());
    }

    @Test
    void actualRequestsGetAllowOriginOnTheirAnswerIncluding401() {
        TestHttp.Reply ok = HTTP.get(url("/v3/clusters"), "Origin", UI,
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes()));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(UI, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("admin-1", ok.headers().firstValue("X-Stub").orElse(null));

        TestHttp.Reply challenged = HTTP.get(url("/v3/clusters"), "Origin", UI);
        assertEquals(401, challenged.status());
        assertEquals(UI, challenged.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        TestHttp.Reply foreign = HTTP.get(url("/v3/clusters"), "Origin", "https://evil.example.com");
        assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    /**
     * The gateway answers for the origin, so the request goes on without it (a Micronaut service on localhost would
     * refuse another origin with 403): on the way through Micronaut (a first password check) and on the lane.
     */
    @Test
    void requestsGoOnWithoutTheirOrigin() {
        String authorization = "Basic " + Base64.getEncoder().encodeToString("carol:c4rol".getBytes());
        for (int i = 0; i < 2; i++) { // the first is checked with bcrypt through Micronaut, the second takes the lane
            TestHttp.Reply r = HTTP.get(url("/topics"), "Origin", UI, "Authorization", authorization);
            assertEquals(200, r.status(), r.body());
            assertEquals(UI, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
        assertEquals(2, backend.seen().size());
        for (StubBackend.Seen seen : backend.seen()) {
            assertEquals(null, seen.header("Origin"), "Origin forwarded: " + seen.headers());
            assertEquals(authorization, seen.header("Authorization"), "the credentials go on as they came");
        }
    }

    /**
     * Once a password has been accepted (bcrypt, through Micronaut), the same credentials take the pass-through lane,
     * and its answers carry the CORS headers too. What shows it is the lane: a client that leaves in the middle of an
     * answer closes the node's connection, where Micronaut's proxy client would read the node's answer to its end.
     */
    @Test
    void anAcceptedPasswordTakesThePassThroughLaneWithTheCorsHeaders() throws Exception {
        String authorization = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes());
        assertEquals(200, HTTP.get(url("/v3/clusters"), "Authorization", authorization).status()); // checked, remembered

        long answerBytes = 256L * 1024 * 1024;
        CompletableFuture<Throwable> nodeEnded = new CompletableFuture<>();
        backend.rawHandler("/connectors/endless", exchange -> {
            exchange.sendResponseHeaders(200, answerBytes);
            byte[] piece = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long written = 0; written < answerBytes; written += piece.length) {
                    out.write(piece); // blocks while the gateway does not take more
                }
                nodeEnded.complete(null);
            } catch (IOException e) {
                nodeEnded.complete(e);
            }
        });
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(64 * 1024);
            client.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
            client.getOutputStream().write(("GET /connectors/endless HTTP/1.1\r\nHost: gw\r\nOrigin: " + UI
                    + "\r\nAuthorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = new String(client.getInputStream().readNBytes(1024), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.contains("\r\naccess-control-allow-origin: " + UI + "\r\n")
                    || head.contains("\r\nAccess-Control-Allow-Origin: " + UI + "\r\n"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\nvary: origin\r\n"), head);
        }
        assertNotNull(nodeEnded.get(10, TimeUnit.SECONDS),
                "the client left mid-answer: the lane closes the node's connection, so the node's write fails");
    }
}
