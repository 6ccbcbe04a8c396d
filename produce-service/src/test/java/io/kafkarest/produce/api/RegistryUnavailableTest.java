package io.kafkarest.produce.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.testing.FreePorts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Schema Registry that cannot be reached: schema formats answer a 503 naming it; schemaless ones still work. */
@MicronautTest
class RegistryUnavailableTest extends ProduceTestSupport {
    private final String deadRegistry = "http://127.0.0.1:" + FreePorts.next() + "/apis/ccompat/v7";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("schema-registry.url", deadRegistry);
        properties.put("schema-registry.timeout", "2s");
        return properties;
    }

    @Test
    void schemaFormatsAnswer503NamingTheRegistry() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, "application/vnd.kafka.avro.v2+json", "application/vnd.kafka.v2+json",
                "{\"value_schema\":\"\\\"int\\\"\",\"records\":[{\"value\":1}]}"), 503, 50301, deadRegistry);
        assertEquals(200, post("/topics/" + topic, "application/vnd.kafka.binary.v2+json", null,
                "{\"records\":[{\"value\":\"YQ==\"}]}").status());
        assertEquals(1, endOffset(topic, 0));
    }
}
