package io.kafkarest.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
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

/** CORS on the proxied paths: preflights answered by the gateway (not forwarded, not challenged). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {
    private static final TestHttp HTTP = TestHttp.to("");
    private static final String UI = "https://ui.example.com";
    private final StubBackend backend = StubBackend.start("admin-1");
    private EmbeddedServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, HashPassword.line("alice", "s3cret", 4) + "\n");
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
}
