package io.kafkarest.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsumerPinsTest {
    private final AtomicLong now = new AtomicLong();
    private final Endpoint a = new Endpoint("http", "consume-service", "10.0.0.1", 8083, "");
    private final Endpoint b = new Endpoint("http", "consume-service", "10.0.0.2", 8083, "");

    @Test
    void remembersForgetsAndExpiresUnusedPins() {
        ConsumerPins pins = new ConsumerPins(Duration.ofSeconds(10), 100, now::get);
        ConsumerInstanceKey k1 = new ConsumerInstanceKey("g", "i1");
        ConsumerInstanceKey k2 = new ConsumerInstanceKey("g", "i2");
        pins.pin(k1, a);
        pins.pin(k2, b);
        assertEquals(Optional.of(a), pins.owner(k1));

        now.addAndGet(Duration.ofSeconds(8).toNanos());
        assertEquals(Optional.of(a), pins.owner(k1)); // used: stays
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        pins.expire();
        assertEquals(Optional.of(a), pins.owner(k1));
        assertTrue(pins.owner(k2).isEmpty(), "unused for 16 s > 10 s");
        assertEquals(1, pins.size());

        pins.forget(k1, b); // another owner: no effect
        assertEquals(Optional.of(a), pins.owner(k1));
        pins.forget(k1, a);
        assertTrue(pins.owner(k1).isEmpty());
    }

    @Test
    void isBoundedLeastRecentlyUsedFirst() {
        ConsumerPins pins = new ConsumerPins(Duration.ofMinutes(10), 2, now::get);
        ConsumerInstanceKey k1 = new ConsumerInstanceKey("g", "1");
        ConsumerInstanceKey k2 = new ConsumerInstanceKey("g", "2");
        ConsumerInstanceKey k3 = new ConsumerInstanceKey("g", "3");
        pins.pin(k1, a);
        now.incrementAndGet();
        pins.pin(k2, a);
        now.incrementAndGet();
        pins.owner(k1); // k2 is now the least recently used
        now.incrementAndGet();
        pins.pin(k3, b);
        assertEquals(2, pins.size());
        assertTrue(pins.owner(k2).isEmpty());
        assertEquals(Optional.of(a), pins.owner(k1));
        assertEquals(Optional.of(b), pins.owner(k3));
    }
}
