package io.kafkarest.testing;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of a test JVM: one real broker shared by all tests of the run, started on first use and
 * stopped when the JVM exits. Where a Docker engine answers it is Testcontainers' {@link KafkaContainer}
 * ({@code apache/kafka}); otherwise the embedded KRaft broker on free ports ({@link FreePorts}).
 */
public final class TestKafka {
    public static final String IMAGE = "apache/kafka:4.3.1";

    private static Broker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
        }
        return broker.bootstrapServers();
    }

    /** What kind of broker serves this run: "testcontainers" or "embedded". */
    public static synchronized String kind() {
        bootstrapServers();
        return broker.kind();
    }

    private static Broker start() {
        if (!Boolean.getBoolean("test.kafka.embedded") && dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(IMAGE)
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            return new Broker("testcontainers", container.getBootstrapServers(), container::stop);
        }
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(Files.createTempDirectory("test-kafka"), FreePorts.next(), FreePorts.next(),
                    Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Broker("embedded", kafka.bootstrapServers(), kafka::close);
    }

    /** Whether a Docker engine answers here (then {@link #kind()} is "testcontainers" unless -Dtest.kafka.embedded). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Broker(String kind, String bootstrapServers, Runnable stopper) {
        void close() {
            stopper.run();
        }
    }
}
