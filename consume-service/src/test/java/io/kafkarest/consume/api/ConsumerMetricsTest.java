package io.kafkarest.consume.api;

import static io.kafkarest.consume.api.ConsumerHttp.BINARY_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.PrometheusScrape;
import io.kafkarest.testing.TestKafka;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** After a consume, GET /prometheus on the management port shows it; a deleted instance leaves no series behind. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerMetricsTest implements TestPropertyProvider {
    private final int managementPort = FreePorts.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @Test
    void consumedRecordsShowInPrometheusUntilTheInstanceIsDeleted() {
        ConsumerHttp http = new ConsumerHttp(server.getURI());
        String topic = ConsumerHttp.unique("metrics");
        String group = ConsumerHttp.unique("g");
        try (TestTopics kafka = new TestTopics()) {
            kafka.create(topic, 1);
            for (int i = 0; i < 3; i++) {
                kafka.send(topic, 0, "k" + i, "v" + i);
            }
        }
        String base = http.createAndSubscribe(group,
                "{\"name\":\"m1\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}", topic);
        http.readUntil(base, BINARY_V2, 3);
        Map<String, String> instance = Map.of("group", group, "instance", "m1");

        PrometheusScrape scrape = PrometheusScrape.awaitAtLeast(managementPort,
                "kafkarest_consumer_records_delivered_total", instance, 3, Duration.ofSeconds(10));
        assertEquals(3, scrape.sum("kafkarest_consumer_records_delivered_total", instance));
        assertTrue(scrape.sum("kafkarest_consumer_instances", Map.of()) >= 1);
        assertTrue(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total", Map.of("client_id", "m1")) >= 3,
                scrape.lines("kafka_consumer_fetch_manager_records_consumed_total"));
        assertTrue(scrape.sum("http_server_requests_seconds_count",
                Map.of("uri", "/consumers/{group}/instances/{instance}/records", "status", "200")) >= 1,
                scrape.lines("http_server_requests_seconds_count"));

        assertEquals(204, http.delete(base).status());
        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertTrue(after.matching("kafkarest_consumer_records_delivered_total", instance).isEmpty(), after.lines("kafkarest"));
        assertTrue(after.samples().stream().noneMatch(s -> "m1".equals(s.labels().get("client_id"))),
                "the deleted instance's consumer metrics are gone");
    }
}
