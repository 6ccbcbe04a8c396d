package io.kafkarest.consume.core;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer instances of this node, keyed by (group, instance id). Creates, finds and deletes them, closes
 * the ones idle longer than the instance timeout (checked by a reaper thread), and closes all on shutdown.
 */
@Singleton
public class ConsumerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerManager.class);
    static final String GENERATED_ID_PREFIX = "rest-consumer-";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private final ConcurrentMap<ConsumerInstanceId, Registered> instances = new ConcurrentHashMap<>();
    private final ConsumerInstanceFactory factory;
    private final Duration instanceTimeout;
    private final Clock clock;
    private final ScheduledExecutorService reaper;
    private volatile boolean shutDown;

    @Inject
    public ConsumerManager(ConsumerInstanceFactory factory, ConsumerConfig config, ConsumerMetrics metrics) {
        this(factory, config.instanceTimeout(), Clock.systemUTC(), true);
        metrics.instancesAlive(instances);
    }

    /** With {@code startReaper} false, idle instances are closed only by calling {@link #expireIdle()}. */
    public ConsumerManager(ConsumerInstanceFactory factory, Duration instanceTimeout, Clock clock,
                           boolean startReaper) {
        if (instanceTimeout.isNegative() || instanceTimeout.isZero()) {
            throw new IllegalArgumentException("consumer instance timeout must be positive: " + instanceTimeout);
        }
        this.factory = factory;
        this.instanceTimeout = instanceTimeout;
        this.clock = clock;
        if (startReaper) {
            long periodMs = Math.max(50, Math.min(instanceTimeout.toMillis() / 4, 5_000));
            this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "consumer-instance-reaper");
                t.setDaemon(true);
                return t;
            });
            reaper.scheduleWithFixedDelay(this::expireIdleSafely, periodMs, periodMs, TimeUnit.MILLISECONDS);
        } else {
            this.reaper = null;
        }
    }

    /**
     * Creates an instance in the group. Without a name the id is generated ({@code rest-consumer-<uuid>}).
     *
     * @throws ConsumerException INSTANCE_EXISTS if this node already has the instance
     */
    public ConsumerInstance create(String group, Optional<String> name, ConsumerSettings settings) {
        if (shutDown) {
            throw new IllegalStateException("The consumer service is shutting down");
        }
        String instanceName = name.filter(n -> !n.isBlank())
                .orElseGet(() -> GENERATED_ID_PREFIX + UUID.randomUUID());
        ConsumerInstanceId id = new ConsumerInstanceId(group, instanceName);
        Registered registered = instances.compute(id, (key, existing) -> {
            if (existing != null) {
                throw ConsumerException.alreadyExists(key);
            }
            return new Registered(factory.create(key, settings), now());
        });
        LOG.info("Created consumer instance {} (format {})", id, settings.format().wireName());
        return registered.instance;
    }

    /**
     * The instance, marked as used now (which postpones its expiry).
     *
     * @throws ConsumerException INSTANCE_NOT_FOUND if this node does not have it
     */
    public ConsumerInstance get(String group, String instance) {
        ConsumerInstanceId id = new ConsumerInstanceId(group, instance);
        Registered registered = instances.get(id);
        if (registered == null) {
            throw ConsumerException.notFound(id);
        }
        registered.lastUsedMillis = now();
        return registered.instance;
    }

    /** The instance if this node has it, without marking it as used. */
    public Optional<ConsumerInstance> find(String group, String instance) {
        return Optional.ofNullable(instances.get(new ConsumerInstanceId(group, instance))).map(r -> r.instance);
    }

    /**
     * Removes the instance and closes its consumer; the future completes once the consumer has left the group.
     *
     * @throws ConsumerException INSTANCE_NOT_FOUND if this node does not have it
     */
    public CompletableFuture<Void> delete(String group, String instance) {
        ConsumerInstanceId id = new ConsumerInstanceId(group, instance);
        Registered registered = instances.remove(id);
        if (registered == null) {
            throw ConsumerException.notFound(id);
        }
        LOG.info("Deleting consumer instance {}", id);
        return closeQuietly(registered.instance);
    }

    /** How many instances this node has. */
    public int size() {
        return instances.size();
    }

    /** Closes every instance unused for longer than the instance timeout; answers how many were closed. */
    public int expireIdle() {
        long now = now();
        int expired = 0;
        for (var entry : instances.entrySet()) {
            Registered registered = entry.getValue();
            if (now - registered.lastUsedMillis >= instanceTimeout.toMillis()
                    && instances.remove(entry.getKey(), registered)) {
                LOG.info("Consumer instance {} expired after {} ms idle", entry.getKey(), instanceTimeout.toMillis());
                closeQuietly(registered.instance);
                expired++;
            }
        }
        return expired;
    }

    /** Closes all instances (each leaves its group) and stops the reaper. */
    @PreDestroy
    public void shutdown() {
        shutDown = true;
        if (reaper != null) {
            reaper.shutdownNow();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ConsumerInstanceId id : List.copyOf(instances.keySet())) {
            Registered registered = instances.remove(id);
            if (registered != null) {
                closing.add(closeQuietly(registered.instance));
            }
        }
        if (closing.isEmpty()) {
            return;
        }
        LOG.info("Closing {} consumer instance(s) on shutdown", closing.size());
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Not all consumer instances closed within {}", SHUTDOWN_WAIT, e);
        }
    }

    private void expireIdleSafely() {
        try {
            expireIdle();
        } catch (RuntimeException e) {
            LOG.warn("Expiring idle consumer instances failed", e);
        }
    }

    private static CompletableFuture<Void> closeQuietly(ConsumerInstance instance) {
        return instance.close().exceptionally(e -> {
            LOG.warn("Closing consumer instance {} failed", instance.id(), e);
            return null;
        });
    }

    private long now() {
        return clock.millis();
    }

    private static final class Registered {
        final ConsumerInstance instance;
        volatile long lastUsedMillis;

        Registered(ConsumerInstance instance, long lastUsedMillis) {
            this.instance = instance;
            this.lastUsedMillis = lastUsedMillis;
        }
    }
}
