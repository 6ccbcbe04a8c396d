package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A Schema Registry that cannot be reached: schema-format reads answer 503 50301 naming it; binary still reads. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryUnavailableTest implements TestPropertyProvider {
    private final String deadRegistry = "http://127.0.0.1:" + FreePorts.next() + "/apis/ccompat/v7";

    @Inject
    EmbeddedServer server;

    private ConsumerHttp http;
    private TestTopics kafka;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "schema-registry.url", deadRegistry,
                "schema-registry.timeout", "2s",
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @BeforeAll
    void setUp() {
        http = new ConsumerHttp(server.getURI());
        kafka = new TestTopics();
    }

    @AfterAll
    void tearDown() {
        kafka.close();
    }

    @Test
    void schemaFormatReadsAnswer503NamingTheRegistry() {
        String topic = "dead-registry-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.create(topic, 1);
        kafka.send(topic, 0, null, ConsumerSchemaFormatsTest.framed(1, new byte[] {2, 'a'}));
        String protobuf = createAndSubscribe("protobuf", topic);

        List<TestHttp.Reply> failures = new ArrayList<>();
        Wait.until(Duration.ofSeconds(30), "a failed read", () -> {
            TestHttp.Reply r = http.get(protobuf + "/records", ConsumerSchemaFormatsTest.PROTOBUF_V2);
            if (r.status() != 200) {
                failures.add(r);
            }
            return !failures.isEmpty();
        });
        TestHttp.Reply failure = failures.getFirst();
        assertEquals(503, failure.status(), failure.toString());
        assertEquals(50301, failure.errorCode(), failure.toString());
        assertTrue(failure.map().get("message").toString().contains(deadRegistry), failure.toString());
        assertTrue(failure.map().get("message").toString().contains(topic + "/0/0"), failure.toString());

        String binary = createAndSubscribe("binary", topic);
        List<Map<String, Object>> records = new ArrayList<>();
        Wait.until(Duration.ofSeconds(30), "the record as binary", () -> {
            TestHttp.Reply r = http.get(binary + "/records", ConsumerHttp.BINARY_V2);
            assertEquals(200, r.status(), r.toString());
            records.addAll(r.objects());
            return !records.isEmpty();
        });
        assertEquals(0, ((Number) records.getFirst().get("offset")).intValue());
        assertTrue(new String(java.util.Base64.getDecoder().decode((String) records.getFirst().get("value")),
                StandardCharsets.ISO_8859_1).endsWith("a"));
    }

    private String createAndSubscribe(String format, String topic) {
        return http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"" + format + "\",\"auto.offset.reset\":\"earliest\"}", topic);
    }
}
