package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.ConsumeNodeStub;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Consumer instances live on one consume node; the gateway pins them and finds them again. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerPinningTest implements TestPropertyProvider {
    private static final TestHttp HTTP = TestHttp.to("");
    private static final String V2 = "application/vnd.kafka.v2+json";

    private final ConsumeNodeStub node1 = ConsumeNodeStub.start("node-1");
    private final ConsumeNodeStub node2 = ConsumeNodeStub.start("node-2");

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return gatewayProperties(node1, node2);
    }

    private static Map<String, String> gatewayProperties(ConsumeNodeStub... nodes) {
        String down = "http://127.0.0.1:" + FreePorts.next();
        Map<String, String> props = new HashMap<>(Map.of(
                "gateway.services.admin-service.urls", down,
                "gateway.services.produce-service.urls", down,
                "gateway.services.connect-service.urls", down,
                "gateway.services.consume-service.urls",
                String.join(",", Stream.of(nodes).map(ConsumeNodeStub::url).toList()),
                "gateway.owner-lookup-timeout", "1s",
                "micronaut.server.port", "-1",
                "endpoints.all.port", String.valueOf(FreePorts.next())));
        return props;
    }

    @AfterAll
    void stopNodes() {
        node1.stub().close();
        node2.stub().close();
    }

    @BeforeEach
    void clear() {
        node1.stub().clear();
        node2.stub().clear();
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private Map<String, Object> create(String gatewayUrl, String group, String name) {
        TestHttp.Reply r = HTTP.post(gatewayUrl + "/consumers/" + group,
                "{\"name\":\"" + name + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}",
                "Content-Type", V2, "Accept", V2);
        assertEquals(200, r.status(), r.body());
        return read(r);
    }

    private Map<String, Object> read(TestHttp.Reply r) {
        try {
            return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    private ConsumeNodeStub ownerOf(String group, String instance, ConsumeNodeStub... nodes) {
        List<ConsumeNodeStub> owners = Stream.of(nodes).filter(n -> n.owns(group, instance)).toList();
        assertEquals(1, owners.size(), "exactly one node owns " + instance);
        return owners.getFirst();
    }

    private static int lookups(ConsumeNodeStub node) {
        return node.stub().seen("/internal/").size();
    }

    @Test
    void createRewritesBaseUriAndPinsTheInstanceToItsNode() {
        String group = "pin-group";
        Map<String, Object> c1 = create(gateway(), group, "c1");
        Map<String, Object> c2 = create(gateway(), group, "c2");
        assertEquals("c1", c1.get("instance_id"));
        assertEquals(gateway() + "/consumers/pin-group/instances/c1", c1.get("base_uri"));
        assertEquals(gateway() + "/consumers/pin-group/instances/c2", c2.get("base_uri"));
        ConsumeNodeStub owner1 = ownerOf(group, "c1", node1, node2);
        ConsumeNodeStub owner2 = ownerOf(group, "c2", node1, node2);
        assertNotEquals(owner1, owner2, "creates are spread round robin");
        assertTrue(owner1.stub().seen("/consumers/" + group).stream()
                .anyMatch(s -> "127.0.0.1".equals(s.header("X-Forwarded-Host"))));
        int createLookups = lookups(node1) + lookups(node2); // a named create asks every node whether it exists

        for (String instance : List.of("c1", "c2")) {
            String base = gateway() + "/consumers/" + group + "/instances/" + instance;
            ConsumeNodeStub owner = instance.equals("c1") ? owner1 : owner2;
            ConsumeNodeStub other = owner == node1 ? node2 : node1;
            List<TestHttp.Reply> answers = List.of(
                    HTTP.post(base + "/subscription", "{\"topics\":[\"t\"]}", "Content-Type", V2),
                    HTTP.get(base + "/records?timeout=100", "Accept", "application/vnd.kafka.binary.v2+json"),
                    HTTP.post(base + "/offsets", "{}", "Content-Type", V2),
                    HTTP.get(base + "/topics/t"));
            for (TestHttp.Reply answer : answers) {
                assertEquals(200, answer.status(), answer.body());
                assertEquals(owner.stub().name(), read(answer).get("node"));
            }
            assertTrue(other.stub().seen("/consumers/" + group + "/instances/" + instance).isEmpty(),
                    "the other node never sees the instance's requests");
        }
        assertEquals(createLookups, lookups(node1) + lookups(node2), "this gateway knew the owners");
    }

    @Test
    void anotherGatewayFindsTheOwnerByAskingTheNodes() {
        String group = "lookup-group";
        create(gateway(), group, "c1");
        ConsumeNodeStub owner = ownerOf(group, "c1", node1, node2);
        node1.stub().clear(); // forget the create's existence check
        node2.stub().clear();
        Map<String, Object> props = new HashMap<>(gatewayProperties(node1, node2));
        props.put("gateway.external-url", "https://kafka.example.com/rest/");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, props)) {
            String otherUrl = "http://127.0.0.1:" + other.getPort();
            TestHttp.Reply r = HTTP.get(otherUrl + "/consumers/" + group + "/instances/c1/records");
            assertEquals(200, r.status(), r.body());
            assertEquals(owner.stub().name(), read(r).get("node"));
            assertEquals(1, lookups(node1));
            assertEquals(1, lookups(node2));

            assertEquals(200, HTTP.get(otherUrl + "/consumers/" + group + "/instances/c1/records").status());
            assertEquals(2, lookups(node1) + lookups(node2), "the answer is remembered");

            Map<String, Object> created = create(otherUrl, group, "c2");
            assertEquals("https://kafka.example.com/rest/consumers/lookup-group/instances/c2",
                    created.get("base_uri"));
        }
    }

    @Test
    void aSecondCreateOfALiveNameIsA409OnAnyNodeAndThroughAnyGateway() {
        String group = "dup-group";
        create(gateway(), group, "dup");
        ConsumeNodeStub owner = ownerOf(group, "dup", node1, node2);

        TestHttp.Reply again = HTTP.post(gateway() + "/consumers/" + group, "{\"name\":\"dup\"}",
                "Content-Type", V2, "Accept", V2);
        assertEquals(409, again.status(), again.body());
        assertEquals(40902, ((Number) read(again).get("error_code")).intValue());
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class,
                new HashMap<String, Object>(gatewayProperties(node1, node2)))) {
            TestHttp.Reply v1 = HTTP.post("http://127.0.0.1:" + restarted.getPort() + "/consumers/" + group,
                    "{\"id\":\"dup\"}", "Content-Type", "application/vnd.kafka.v1+json");
            assertEquals(409, v1.status(), "a gateway that never saw the instance: " + v1.body());
            assertEquals(40902, ((Number) read(v1).get("error_code")).intValue());
        }
        ownerOf(group, "dup", node1, node2); // still exactly one
        assertEquals(owner, ownerOf(group, "dup", node1, node2));
        Map<String, Object> other = create(gateway(), group, "other");
        assertEquals("other", other.get("instance_id"), "other names are created as before");
    }

    @Test
    void twoCreatesOfOneNameAtTheSameMomentMakeOneInstance() throws Exception {
        String group = "race-group";
        node1.createTakes(Duration.ofMillis(300));
        node2.createTakes(Duration.ofMillis(300));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(clients.submit(() -> HTTP.post(gateway() + "/consumers/" + group, "{\"name\":\"race\"}",
                        "Content-Type", V2, "Accept", V2)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Reply> reply : replies) {
                statuses.add(reply.get(30, TimeUnit.SECONDS).status());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "one is created, the other finds it");
            ownerOf(group, "race", node1, node2); // exactly one node holds it
        } finally {
            clients.shutdownNow();
            node1.createTakes(Duration.ZERO);
            node2.createTakes(Duration.ZERO);
        }
    }

    @Test
    void unknownInstanceIsA40403() {
        long start = System.nanoTime();
        TestHttp.Reply r = HTTP.get(gateway() + "/consumers/g/instances/nobody/records");
        assertFast(start);
        assertEquals(404, r.status());
        assertEquals(40403, ((Number) read(r).get("error_code")).intValue());
        assertTrue(read(r).get("message").toString().startsWith("Consumer instance not found"), r.body());
        assertEquals(1, lookups(node1));
        assertEquals(1, lookups(node2));
    }

    @Test
    void deleteForgetsThePin() {
        String group = "delete-group";
        create(gateway(), group, "c1");
        ConsumeNodeStub owner = ownerOf(group, "c1", node1, node2);
        String base = gateway() + "/consumers/" + group + "/instances/c1";
        int createLookups = lookups(node1) + lookups(node2);
        assertEquals(204, HTTP.send("DELETE", base, null, "Content-Type", V2).status());
        assertTrue(owner.stub().seen().stream().anyMatch(s -> s.method().equals("DELETE")));
        assertEquals(createLookups, lookups(node1) + lookups(node2));

        TestHttp.Reply r = HTTP.get(base + "/records");
        assertEquals(404, r.status());
        assertEquals(40403, ((Number) read(r).get("error_code")).intValue());
        assertEquals(createLookups + 2, lookups(node1) + lookups(node2),
                "the gateway forgot the instance and asked the nodes");
    }

    @Test
    void ownerThatIsGoneIsAFast40403() {
        ConsumeNodeStub a = ConsumeNodeStub.start("node-a");
        ConsumeNodeStub b = ConsumeNodeStub.start("node-b");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class,
                new HashMap<String, Object>(gatewayProperties(a, b)))) {
            String otherUrl = "http://127.0.0.1:" + other.getPort();
            create(otherUrl, "gone-group", "c1");
            ConsumeNodeStub owner = ownerOf("gone-group", "c1", a, b);
            owner.stub().close();

            for (int i = 0; i < 2; i++) { // pinned owner refuses; then nobody has it
                long start = System.nanoTime();
                TestHttp.Reply r = HTTP.get(otherUrl + "/consumers/gone-group/instances/c1/records");
                assertFast(start);
                assertEquals(404, r.status(), r.body());
                assertEquals(40403, ((Number) read(r).get("error_code")).intValue());
                if (i == 0) {
                    assertTrue(String.valueOf(read(r).get("message")).contains(owner.url() + ") is gone"),
                            "says the node holding the instance is gone: " + r.body());
                }
            }
        } finally {
            a.stub().close();
            b.stub().close();
        }
    }

    private static void assertFast(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "answered within a second: " + took);
    }
}
