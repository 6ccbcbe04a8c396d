package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.core.RouteTable;
import io.kafkarest.gateway.stub.ConsumeNodeStub;
import io.kafkarest.gateway.stub.StubBackend.Seen;
import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks every documented method and path ({@code documented-routes.txt}) through a running gateway and asserts on
 * which service's node it lands, with method, path and query intact - and that it lands nowhere else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedRoutesTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private static final String GROUP = "testgroup";
    private static final String INSTANCE = "my_consumer";

    private final StubBackend admin = StubBackend.start("admin");
    private final StubBackend produce = StubBackend.start("produce");
    private final ConsumeNodeStub consume = ConsumeNodeStub.start("consume");
    private final StubBackend connect = StubBackend.start("connect");
    private final Map<String, StubBackend> nodes = Map.of("admin", admin, "produce", produce,
            "consume", consume.stub(), "connect", connect);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.admin-service.urls", admin.url(),
                "gateway.services.produce-service.urls", produce.url(),
                "gateway.services.consume-service.urls", consume.url(),
                "gateway.services.connect-service.urls", connect.url(),
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @AfterAll
    void stopStubs() {
        nodes.values().forEach(StubBackend::close);
    }

    record DocumentedRoute(int line, String method, String pathAndQuery, String service, String kind) {
        @Override
        public String toString() {
            return "line " + line + ": " + method + " " + pathAndQuery + " -> " + service;
        }
    }

    @Test
    void everyDocumentedPathLandsOnItsService() {
        List<DocumentedRoute> routes = documentedRoutes();
        assertTrue(routes.size() > 100, "the list is read: " + routes.size());
        Set<String> families = new TreeSet<>();
        for (DocumentedRoute route : routes) {
            if (route.kind().equals("instance") && !consume.owns(GROUP, INSTANCE)) {
                TestHttp.Reply created = HTTP.post(gateway() + "/consumers/" + GROUP,
                        "{\"name\":\"" + INSTANCE + "\"}", "Content-Type", "application/vnd.kafka.v2+json");
                assertEquals(200, created.status(), created.body());
            }
            nodes.values().forEach(StubBackend::clear);

            byte[] body = Set.of("POST", "PUT", "PATCH").contains(route.method())
                    ? "{}".getBytes(StandardCharsets.UTF_8) : null;
            TestHttp.Reply answer = body == null
                    ? HTTP.send(route.method(), gateway() + route.pathAndQuery(), null)
                    : HTTP.send(route.method(), gateway() + route.pathAndQuery(), body,
                            "Content-Type", "application/json");

            StubBackend expected = nodes.get(route.service());
            List<Seen> seen = expected.seen().stream().filter(s -> !s.path().startsWith("/internal/")).toList();
            assertEquals(1, seen.size(), route + ": reaches its service once, saw " + seen.stream()
                    .map(s -> s.method() + " " + s.uri()).toList() + ", answer " + answer.status() + " "
                    + answer.body());
            assertEquals(route.method(), seen.getFirst().method(), route.toString());
            assertEquals(route.pathAndQuery(), seen.getFirst().uri(), route + ": path and query intact");
            nodes.forEach((service, node) -> {
                if (node != expected) {
                    assertFalse(node.seen().stream().anyMatch(s -> !s.path().startsWith("/internal/")),
                            route + " must not reach " + service);
                }
            });
            assertEquals(expected.name(), answer.headers().firstValue("X-Stub").orElse(null),
                    route + ": the answer is the service's");
            String path = route.pathAndQuery().split("\\?", 2)[0];
            assertEquals(route.kind(), RouteTable.standard().match(route.method(), path).orElseThrow().kind()
                    .name().toLowerCase(java.util.Locale.ROOT).replace("consumer_", ""),
                    route + ": how the gateway treats it");
            families.add(route.service());
        }
        assertEquals(new TreeSet<>(nodes.keySet()), families, "every service has documented paths");
        assertFalse(consume.owns(GROUP, INSTANCE), "the walk ends with the documented DELETE of the instance");
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    static List<DocumentedRoute> documentedRoutes() {
        try (InputStream in = DocumentedRoutesTest.class.getResourceAsStream("/documented-routes.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<DocumentedRoute> routes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = Stream.of(line.split("\\s+")).toArray(String[]::new);
                routes.add(new DocumentedRoute(i + 1, columns[0], columns[1], columns[2],
                        columns.length > 3 ? columns[3] : "forward"));
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
