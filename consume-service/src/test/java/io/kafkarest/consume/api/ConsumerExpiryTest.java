package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Idle instances are closed by the reaper after consumer.instance-timeout-ms, and leave their group. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerExpiryTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "endpoints.all.port", String.valueOf(FreePorts.next()),
                "consumer.instance-timeout-ms", "1500");
    }

    @Test
    void idleInstanceExpiresAndLeavesItsGroup() throws Exception {
        ConsumerHttp http = new ConsumerHttp(server.getURI());
        String topic = "expiry-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "g-" + topic;
        try (TestTopics kafka = new TestTopics();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            kafka.create(topic, 1);
            String base = "/consumers/" + group + "/instances/idle";
            assertEquals(200, http.post("/consumers/" + group, "{\"name\":\"idle\"}").status());
            assertEquals(204, http.post(base + "/subscription", "{\"topics\":[\"" + topic + "\"]}").status());
            Wait.until(Duration.ofSeconds(20), "the instance joins its group", () -> {
                assertEquals(200, http.get(base + "/records?timeout=200", ConsumerHttp.BINARY_V2).status());
                return !((List<?>) http.get(base + "/assignments", ConsumerHttp.V2).map().get("partitions")).isEmpty();
            });

            Wait.until(Duration.ofSeconds(20), "the idle instance expires", () ->
                    http.get("/internal/consumers/" + group + "/instances/idle", null).status() == 404);

            assertEquals(40403, http.get(base + "/subscription", ConsumerHttp.V2).errorCode());
            Wait.until(Duration.ofSeconds(20), "the group is empty", () -> {
                try {
                    var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                    return description.groupState() == GroupState.EMPTY && description.members().isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
