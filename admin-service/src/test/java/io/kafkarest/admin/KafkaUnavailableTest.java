package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A broker that goes away: requests answer 50003 (retriable Kafka error) within a few seconds, never hang. */
@MicronautTest
class KafkaUnavailableTest extends AdminServiceTest {
    private EmbeddedKafka broker;

    @Override
    protected String bootstrapServers() {
        if (broker == null) {
            try {
                broker = EmbeddedKafka.start(Files.createTempDirectory("gone-kafka"), FreePorts.next(),
                        FreePorts.next(), java.util.Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }

    @Test
    void answersRetriableKafkaErrorFastWhenTheBrokerIsGone() throws Exception {
        String topic = createTopic(1);
        http().get(v3("/topics/" + topic)).expect(200); // the service knows the cluster id now
        broker.close();
        for (String path : java.util.List.of("/topics/" + topic, v3("/consumer-groups"))) {
            long start = System.nanoTime();
            TestHttp.Reply reply = http().get(path).expectError(500, 50003);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 8_000, path + " took " + millis + " ms");
            assertTrue(reply.message().startsWith("Retriable Kafka error"), reply.body());
        }
    }
}
