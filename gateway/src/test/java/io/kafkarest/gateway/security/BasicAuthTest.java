package io.kafkarest.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** HTTP Basic authentication on the API port, from a users file; the management port is never challenged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasicAuthTest {
    private static final TestHttp HTTP = TestHttp.to("");
    private final StubBackend backend = StubBackend.start("admin-1");
    private final int managementPort = FreePorts.next();
    private EmbeddedServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, "# gateway users\n\n" + HashPassword.line("alice", "s3cret", 4) + "\n"
                + HashPassword.line("bob", "other", 4) + "\n");
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "gateway.services.admin-service.urls", backend.url(),
                "gateway.services.produce-service.urls", backend.url(),
                "gateway.services.consume-service.urls", backend.url(),
                "gateway.services.connect-service.urls", backend.url(),
                "endpoints.all.port", managementPort,
                "gateway.auth.users-file", users.toString()));
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

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void assertChallenged(TestHttp.Reply r) {
        assertEquals(401, r.status(), r.body());
        assertEquals("Basic realm=\"kafka-rest\", charset=\"UTF-8\"", r.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body().startsWith("{\"error_code\":40101,\"message\":"), r.body());
        assertEquals(List.of(), backend.seen(), "not forwarded");
    }

    @Test
    void noCredentialsIsChallenged() {
        assertChallenged(HTTP.get(url("/v3/clusters")));
    }

    @Test
    void wrongPasswordUnknownUserOrOtherSchemeIsChallenged() {
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", basic("alice", "wrong")));
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", basic("mallory", "s3cret")));
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", "Bearer abc"));
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", "Basic %%%"));
        // another user's password
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", basic("bob", "s3cret")));
    }

    @Test
    void rightPasswordIsProxiedAgainAndAgain() {
        for (int i = 0; i < 3; i++) { // the first check runs bcrypt, the next ones are remembered
            TestHttp.Reply r = HTTP.get(url("/v3/clusters"), "Authorization", basic("alice", "s3cret"));
            assertEquals(200, r.status(), r.body());
            assertEquals("admin-1 GET /v3/clusters", r.body());
        }
        // a remembered password does not open the door to a wrong one
        backend.clear();
        assertChallenged(HTTP.get(url("/v3/clusters"), "Authorization", basic("alice", "s3cret2")));
        assertEquals(200, HTTP.get(url("/v3/clusters"), "Authorization", basic("alice", "s3cret")).status());
    }

    @Test
    void bodyIsStreamedAfterAnUncachedCheck() {
        TestHttp.Reply r = HTTP.post(url("/topics/t"), "{\"records\":[{\"value\":\"x\"}]}",
                "Authorization", basic("bob", "other"), "Content-Type", "application/vnd.kafka.json.v2+json");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"records\":[{\"value\":\"x\"}]}", r.body());
    }

    @Test
    void managementHealthNeedsNoCredentials() {
        TestHttp.Reply r = HTTP.get("http://127.0.0.1:" + managementPort + "/health");
        assertEquals(200, r.status(), r.body());
    }
}
