package io.kafkarest.gateway.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which consume node owns which consumer instance. Bounded and expiring: an entry unused for longer than the idle
 * timeout is forgotten (the instance has expired on its node by then, or it is found again by asking the nodes),
 * and beyond {@code maxEntries} the least recently used entries go first.
 */
public final class ConsumerPins {
    private final Map<ConsumerInstanceKey, Pin> pins = new ConcurrentHashMap<>();
    private final long idleTimeoutNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    public ConsumerPins(Duration idleTimeout, int maxEntries) {
        this(idleTimeout, maxEntries, System::nanoTime);
    }

    ConsumerPins(Duration idleTimeout, int maxEntries, LongSupplier nanoClock) {
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.maxEntries = Math.max(1, maxEntries);
        this.nanoClock = nanoClock;
    }

    /** The owner if known; marks the entry as used. */
    public Optional<Endpoint> owner(ConsumerInstanceKey key) {
        Pin pin = pins.get(key);
        if (pin == null) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (now - pin.lastUsed > idleTimeoutNanos) {
            pins.remove(key, pin);
            return Optional.empty();
        }
        pin.lastUsed = now;
        return Optional.of(pin.owner);
    }

    public void pin(ConsumerInstanceKey key, Endpoint owner) {
        pins.put(key, new Pin(owner, nanoClock.getAsLong()));
        if (pins.size() > maxEntries) {
            evictLeastRecentlyUsed(pins.size() - maxEntries);
        }
    }

    public void forget(ConsumerInstanceKey key) {
        pins.remove(key);
    }

    /** Forgets the entry only if it still names {@code owner} (a newer pin to another node stays). */
    public void forget(ConsumerInstanceKey key, Endpoint owner) {
        pins.computeIfPresent(key, (k, pin) -> pin.owner.equals(owner) ? null : pin);
    }

    /** Drops entries unused for longer than the idle timeout. */
    public void expire() {
        long now = nanoClock.getAsLong();
        pins.entrySet().removeIf(e -> now - e.getValue().lastUsed > idleTimeoutNanos);
    }

    public int size() {
        return pins.size();
    }

    public void clear() {
        pins.clear();
    }

    private void evictLeastRecentlyUsed(int count) {
        pins.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().lastUsed)) // snapshot: lastUsed moves while sorting
                .sorted(Map.Entry.comparingByValue())
                .limit(count)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(pins::remove);
    }

    private static final class Pin {
        final Endpoint owner;
        volatile long lastUsed;

        Pin(Endpoint owner, long lastUsed) {
            this.owner = owner;
            this.lastUsed = lastUsed;
        }
    }
}
