package io.kafkarest.consume.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.consume.kafka.KafkaConsumerInstanceFactory;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.testing.TestKafka;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry and expiry of instances, on a manual clock, with real Kafka consumers. */
class ConsumerManagerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ConsumerSettings SETTINGS = ConsumerSettings.defaults(EmbeddedFormat.BINARY, Duration.ofSeconds(1));

    private final ManualClock clock = new ManualClock();
    private ConsumerManager manager;

    @BeforeEach
    void setUp() {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestKafka.bootstrapServers());
        AbstractKafkaConsumerConfiguration<?, ?> kafka = new AbstractKafkaConsumerConfiguration<>(config) { };
        manager = new ConsumerManager(new KafkaConsumerInstanceFactory(kafka, TIMEOUT), TIMEOUT, clock, false);
    }

    @AfterEach
    void tearDown() {
        manager.shutdown();
    }

    @Test
    void idleInstancesExpireAndUsedOnesStay() {
        ConsumerInstance idle = manager.create("g", Optional.of("idle"), SETTINGS);
        manager.create("g", Optional.of("busy"), SETTINGS);

        clock.advance(TIMEOUT.minusSeconds(1));
        manager.get("g", "busy");
        assertEquals(0, manager.expireIdle());
        clock.advance(Duration.ofSeconds(1));

        assertEquals(1, manager.expireIdle());
        assertTrue(manager.find("g", "idle").isEmpty());
        assertTrue(manager.find("g", "busy").isPresent());
        assertNotFound(() -> manager.get("g", "idle"));
        CompletionException closed = assertThrows(CompletionException.class, () -> idle.subscription().join());
        assertEquals(ConsumerException.Kind.INSTANCE_NOT_FOUND,
                assertInstanceOf(ConsumerException.class, closed.getCause()).kind());
    }

    @Test
    void findDoesNotPostponeExpiry() {
        manager.create("g", Optional.of("c"), SETTINGS);
        clock.advance(TIMEOUT.minusSeconds(1));
        manager.find("g", "c");
        clock.advance(Duration.ofSeconds(1));

        assertEquals(1, manager.expireIdle());
    }

    @Test
    void duplicatesAreRejectedPerGroup() {
        manager.create("g1", Optional.of("c"), SETTINGS);
        manager.create("g2", Optional.of("c"), SETTINGS);

        ConsumerException e = assertThrows(ConsumerException.class,
                () -> manager.create("g1", Optional.of("c"), SETTINGS));
        assertEquals(ConsumerException.Kind.INSTANCE_EXISTS, e.kind());
        assertEquals(2, manager.size());
    }

    @Test
    void generatedIdsAreUnique() {
        String a = manager.create("g", Optional.empty(), SETTINGS).id().instance();
        String b = manager.create("g", Optional.of(" "), SETTINGS).id().instance();

        assertTrue(a.startsWith("rest-consumer-"), a);
        assertTrue(b.startsWith("rest-consumer-"), b);
        assertTrue(!a.equals(b));
    }

    @Test
    void deleteRemovesAndUnknownIsNotFound() {
        manager.create("g", Optional.of("c"), SETTINGS);

        manager.delete("g", "c").join();

        assertEquals(0, manager.size());
        assertNotFound(() -> manager.delete("g", "c"));
    }

    @Test
    void shutdownClosesEverything() {
        ConsumerInstance a = manager.create("g", Optional.of("a"), SETTINGS);
        manager.create("g", Optional.of("b"), SETTINGS);

        manager.shutdown();

        assertEquals(0, manager.size());
        assertTrue(a.close().isDone());
        assertThrows(IllegalStateException.class, () -> manager.create("g", Optional.of("c"), SETTINGS));
    }

    private static void assertNotFound(Runnable call) {
        ConsumerException e = assertThrows(ConsumerException.class, call::run);
        assertEquals(ConsumerException.Kind.INSTANCE_NOT_FOUND, e.kind());
    }

    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
