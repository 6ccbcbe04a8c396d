package io.kafkarest.testing;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of a test JVM: one real broker shared by all tests of the run, started on first use and
 * stopped when the JVM exits. Where a Docker engine answers it is Testcontainers' {@link KafkaContainer}
 * ({@code apache/kafka}); otherwise the embedded KRaft broker on free ports.
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
        EmbeddedKafka kafka = EmbeddedKafka.startOnFreePorts();
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

    /** Waits until the condition holds, polling every 100 ms; fails with the message at the deadline. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        awaitPassing(timeout, what, () -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("not yet");
            }
        });
    }

    /**
     * Runs the check every 100 ms until it passes (returns without an exception or assertion error); at the deadline
     * fails with the message and the check's last failure as the cause.
     */
    public static void awaitPassing(Duration timeout, String what, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for: " + what, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }

    /** A check that fails by throwing (an assertion or any exception). */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private record Broker(String kind, String bootstrapServers, Runnable stopper) {
        void close() {
            stopper.run();
        }
    }
}
