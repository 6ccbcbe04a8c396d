package io.kafkarest.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The API port over TLS (Micronaut's own SSL), the management port still plain HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private final StubBackend admin = StubBackend.start("admin-1");
    private TestCertificates certificates;

    @BeforeAll
    void certificates(@TempDir Path dir) {
        certificates = TestCertificates.create(dir);
    }

    @AfterAll
    void stopStub() {
        admin.close();
    }

    private Map<String, Object> tls(String clientAuth) {
        Map<String, Object> p = new HashMap<>();
        p.put("gateway.services.admin-service.urls", admin.url());
        p.put("gateway.services.produce-service.urls", admin.url());
        p.put("gateway.services.consume-service.urls", admin.url());
        p.put("gateway.services.connect-service.urls", admin.url());
        p.put("micronaut.server.port", FreePorts.next());
        p.put("endpoints.all.port", FreePorts.next());
        p.put("micronaut.server.ssl.enabled", true);
        p.put("micronaut.server.ssl.port", FreePorts.next());
        // a plain file path, as GATEWAY_SSL_KEYSTORE_PATH takes it (no file: prefix)
        p.put("micronaut.server.ssl.key-store.path", certificates.serverKeyStore.toString());
        p.put("micronaut.server.ssl.key-store.password", TestCertificates.PASSWORD);
        p.put("micronaut.server.ssl.key-store.type", "PKCS12");
        p.put("micronaut.server.ssl.trust-store.path", certificates.serverTrustStore.toString());
        p.put("micronaut.server.ssl.trust-store.password", TestCertificates.PASSWORD);
        p.put("micronaut.server.ssl.trust-store.type", "PKCS12");
        p.put("gateway.ssl.client-auth", clientAuth);
        return p;
    }

    /** GET over TLS with this context, or plain HTTP where it is null. */
    private static TestHttp.Reply get(SSLContext ssl, String url) {
        TestHttp http = TestHttp.to(url).withTimeout(Duration.ofSeconds(20));
        return (ssl == null ? http : http.withSsl(ssl)).get("");
    }

    @Test
    void httpsRequestIsProxiedWithForwardedProtoHttps() throws Exception {
        Map<String, Object> p = tls("none");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
            admin.clear();
            TestHttp.Reply r = get(certificates.clientContext(false),
                    "https://127.0.0.1:" + p.get("micronaut.server.ssl.port") + "/v3/clusters");
            assertEquals(200, r.status(), r.body());
            assertEquals("https", admin.seen().getLast().header("X-Forwarded-Proto"));
            assertTrue(admin.seen().getLast().header("Forwarded").contains("proto=https"),
                    admin.seen().getLast().header("Forwarded"));
            assertEquals("https", server.getScheme());
            // without dual protocol nothing listens on the plain HTTP port
            assertThrows(UncheckedIOException.class,
                    () -> get(null, "http://127.0.0.1:" + p.get("micronaut.server.port") + "/v3/clusters"));
        }
    }

    @Test
    void managementPortStaysPlainHttpWhileTlsIsOn() throws Exception {
        Map<String, Object> p = tls("none");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
            TestHttp.Reply r = get(null, "http://127.0.0.1:" + p.get("endpoints.all.port") + "/health");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("UP"), r.body());
        }
    }

    @Test
    void plainHttpOnTheApiPortOnlyWithDualProtocol() throws Exception {
        Map<String, Object> p = tls("none");
        p.put("micronaut.server.dual-protocol", true);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
            admin.clear();
            TestHttp.Reply r = get(null, "http://127.0.0.1:" + p.get("micronaut.server.port") + "/v3/clusters");
            assertEquals(200, r.status(), r.body());
            assertEquals("http", admin.seen().getLast().header("X-Forwarded-Proto"));
            TestHttp.Reply s = get(certificates.clientContext(false),
                    "https://127.0.0.1:" + p.get("micronaut.server.ssl.port") + "/v3/clusters");
            assertEquals(200, s.status(), s.body());
            assertEquals("https", admin.seen().getLast().header("X-Forwarded-Proto"));
        }
    }

    @Test
    void clientCertificateRequiredRejectsAClientWithoutOne() throws Exception {
        Map<String, Object> p = tls("need");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
            String url = "https://127.0.0.1:" + p.get("micronaut.server.ssl.port") + "/v3/clusters";
            assertThrows(UncheckedIOException.class, () -> get(certificates.clientContext(false), url));
            assertEquals(200, get(certificates.clientContext(true), url).status());
            TestHttp.Reply health = get(null, "http://127.0.0.1:" + p.get("endpoints.all.port") + "/health");
            assertEquals(200, health.status(), health.body());
        }
    }
}
