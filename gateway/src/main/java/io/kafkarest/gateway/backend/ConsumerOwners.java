package io.kafkarest.gateway.backend;

import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.ConsumerPins;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.GatewayConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Which consume node owns which consumer instance: the one place that keeps the pin table and decides its
 * lifecycle. The rest of the gateway tells it what it saw ({@link #created}, {@link #deleted}, {@link #lost}) and
 * asks it where an instance lives ({@link #locate}, {@link #findLive}).
 * <ul>
 * <li>A create pins the instance to the node its {@code base_uri} names.</li>
 * <li>An instance this gateway does not know (it restarted, or another gateway replica created it) is looked up by
 * asking every consume node {@code GET /internal/consumers/{group}/instances/{instance}} in parallel (200 = mine,
 * anything else = not mine), each with a short timeout; the answer is remembered, and concurrent lookups of one
 * instance share one round of asks.</li>
 * <li>A delete forgets the pin; so does a node that answers 404 for the instance or cannot be reached (the next
 * request asks the nodes again).</li>
 * <li>Pins unused for {@code gateway.pin-idle-timeout} expire; the table holds at most
 * {@code gateway.pin-max-entries}, least recently used first out.</li>
 * </ul>
 */
@Singleton
public class ConsumerOwners {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerOwners.class);

    private final ConsumerPins pins;
    private final BackendDirectory backends;
    private final HttpClient httpClient;
    private final Duration lookupTimeout;
    private final Map<ConsumerInstanceKey, CompletableFuture<Optional<Endpoint>>> inFlight = new ConcurrentHashMap<>();

    public ConsumerOwners(BackendDirectory backends, HttpClient httpClient, GatewayConfiguration config) {
        this.pins = new ConsumerPins(config.getPinIdleTimeout(), config.getPinMaxEntries());
        this.backends = backends;
        this.httpClient = httpClient;
        this.lookupTimeout = config.getOwnerLookupTimeout();
    }

    /** The owner, or empty when no consume node has the instance. Never fails, completes within the lookup timeout. */
    public CompletableFuture<Optional<Endpoint>> locate(ConsumerInstanceKey key) {
        Optional<Endpoint> pinned = pins.owner(key);
        if (pinned.isPresent()) {
            return CompletableFuture.completedFuture(pinned);
        }
        CompletableFuture<Optional<Endpoint>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Endpoint>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        backends.all(BackendService.CONSUME)
                .thenCompose(endpoints -> askAll(key, endpoints))
                .whenComplete((owner, error) -> {
                    Optional<Endpoint> result = error == null ? owner : Optional.empty();
                    result.ifPresent(o -> pins.pin(key, o));
                    inFlight.remove(key, mine);
                    LOG.debug("Owner of {}: {}", key, result);
                    mine.complete(result);
                });
        return mine;
    }

    /**
     * The node that has the instance now, asking every consume node whatever the pin table says (a pinned node may
     * have lost it); remembered when found. Never fails, completes within the lookup timeout.
     */
    public CompletableFuture<Optional<Endpoint>> findLive(ConsumerInstanceKey key) {
        return backends.all(BackendService.CONSUME)
                .thenCompose(endpoints -> askAll(key, endpoints))
                .exceptionally(error -> Optional.empty())
                .thenApply(owner -> {
                    owner.ifPresent(o -> pins.pin(key, o));
                    return owner;
                });
    }

    /** A node created the instance (its create answer named {@code owner}). */
    public void created(ConsumerInstanceKey key, Endpoint owner) {
        pins.pin(key, owner);
    }

    /** The instance was deleted. */
    public void deleted(ConsumerInstanceKey key) {
        pins.forget(key);
    }

    /**
     * {@code node} no longer has the instance (it answered 404, or cannot be reached): forgotten unless it has been
     * pinned to another node meanwhile, so that the next request asks the nodes again.
     */
    public void lost(ConsumerInstanceKey key, Endpoint node) {
        pins.forget(key, node);
    }

    @Scheduled(fixedDelay = "${gateway.pin-sweep-interval:30s}")
    void expirePins() {
        pins.expire();
    }

    private CompletableFuture<Optional<Endpoint>> askAll(ConsumerInstanceKey key, List<Endpoint> endpoints) {
        CompletableFuture<Optional<Endpoint>> result = new CompletableFuture<>();
        if (endpoints.isEmpty()) {
            result.complete(Optional.empty());
            return result;
        }
        AtomicInteger pending = new AtomicInteger(endpoints.size());
        for (Endpoint endpoint : endpoints) {
            owns(endpoint, key).whenComplete((owns, error) -> {
                if (Boolean.TRUE.equals(owns)) {
                    result.complete(Optional.of(endpoint));
                } else if (pending.decrementAndGet() == 0) {
                    result.complete(Optional.empty());
                }
            });
        }
        return result;
    }

    private CompletableFuture<Boolean> owns(Endpoint endpoint, ConsumerInstanceKey key) {
        HttpRequest<?> ask = HttpRequest.GET(endpoint.baseUri() + "/internal" + key.path());
        return Mono.from(httpClient.exchange(ask))
                .map(response -> response.code() == 200)
                .timeout(lookupTimeout)
                .onErrorResume(e -> Mono.just(false))
                .defaultIfEmpty(false)
                .toFuture();
    }
}
