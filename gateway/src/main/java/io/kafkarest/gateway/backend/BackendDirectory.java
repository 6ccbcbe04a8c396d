package io.kafkarest.gateway.backend;

import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.GatewayConfiguration;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes behind every service. Each configured URL's host is resolved to all its addresses (so that a compose
 * service scaled to N replicas gives N endpoints), again every {@code gateway.dns-refresh-interval}, on a thread of
 * its own (never on the event loop). Requests are spread round robin over the endpoints of a service; an endpoint
 * that just refused a connection is skipped for {@code gateway.endpoint-failure-backoff} unless all of them did.
 * <p>
 * Where a host resolves to both IPv4 and IPv6 addresses only the IPv4 ones are used (one address per node, and
 * {@code localhost} does not become two endpoints of which one is not listening).
 */
@Singleton
public class BackendDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendDirectory.class);
    private static final long MIN_ON_DEMAND_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<BackendService, ServiceEndpoints> services = new EnumMap<>(BackendService.class);
    private final Map<String, Long> failedUntil = new ConcurrentHashMap<>();
    private final GatewayConfiguration config;
    private final HostResolver hostResolver;
    private final ScheduledExecutorService resolver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-dns");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Void> firstResolution = new CompletableFuture<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AtomicLong lastRefresh = new AtomicLong(System.nanoTime() - MIN_ON_DEMAND_REFRESH_NANOS);

    public BackendDirectory(Environment environment, GatewayConfiguration config, HostResolver hostResolver) {
        this.config = config;
        this.hostResolver = hostResolver;
        for (BackendService service : BackendService.values()) {
            List<String> values = environment.getProperty("gateway.services." + service.id() + ".urls",
                    Argument.listOf(String.class)).orElse(List.of());
            services.put(service, new ServiceEndpoints(service, BackendUrl.parseAll(values)));
        }
    }

    @PostConstruct
    void start() {
        resolver.execute(() -> {
            try {
                refreshAll();
            } finally {
                firstResolution.complete(null);
            }
        });
        long interval = Math.max(100, config.getDnsRefreshInterval().toMillis());
        resolver.scheduleWithFixedDelay(this::refreshAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The next endpoint of the service (round robin). Fails with a {@link io.kafkarest.rest.RestException}: 503 when
     * no URL is configured, 502 when no configured host resolves.
     */
    public CompletableFuture<Endpoint> next(BackendService service) {
        return firstResolution.thenApply(v -> services.get(service).next());
    }

    /** Every endpoint of the service as last resolved. */
    public CompletableFuture<List<Endpoint>> all(BackendService service) {
        return firstResolution.thenApply(v -> services.get(service).resolved.endpoints());
    }

    /** An endpoint could not be reached: skip it for a while and look the names up again soon. */
    public void reportUnreachable(Endpoint endpoint) {
        failedUntil.put(endpoint.baseUri(), System.nanoTime() + config.getEndpointFailureBackoff().toNanos());
        requestRefresh();
    }

    /** Resolves all names again soon (at most once a second), off the calling thread. */
    public void requestRefresh() {
        if (System.nanoTime() - lastRefresh.get() < MIN_ON_DEMAND_REFRESH_NANOS) {
            return;
        }
        if (refreshQueued.compareAndSet(false, true)) {
            try {
                resolver.execute(() -> {
                    refreshQueued.set(false);
                    refreshAll();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                refreshQueued.set(false);
            }
        }
    }

    /** Per service: configured URLs, resolved endpoints, resolution errors (for health details and messages). */
    public Map<String, Object> describe() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        services.forEach((service, s) -> {
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("urls", s.urls.stream().map(BackendUrl::toString).toList());
            d.put("endpoints", s.resolved.endpoints().stream().map(Endpoint::baseUri).toList());
            if (!s.resolved.errors().isEmpty()) {
                d.put("errors", s.resolved.errors());
            }
            out.put(service.id(), d);
        });
        return out;
    }

    @PreDestroy
    @Override
    public void close() {
        resolver.shutdownNow();
    }

    private void refreshAll() {
        lastRefresh.set(System.nanoTime());
        long now = System.nanoTime();
        failedUntil.values().removeIf(until -> until - now < 0);
        for (ServiceEndpoints s : services.values()) {
            try {
                s.refresh();
            } catch (RuntimeException e) {
                LOG.warn("Resolving {} failed", s.service.id(), e);
            }
        }
    }

    private boolean recentlyFailed(Endpoint endpoint) {
        Long until = failedUntil.get(endpoint.baseUri());
        return until != null && until - System.nanoTime() > 0;
    }

    private record Resolution(List<Endpoint> endpoints, List<String> errors) {
    }

    private final class ServiceEndpoints {
        final BackendService service;
        final List<BackendUrl> urls;
        final AtomicInteger counter = new AtomicInteger();
        volatile Resolution resolved = new Resolution(List.of(), List.of());

        ServiceEndpoints(BackendService service, List<BackendUrl> urls) {
            this.service = service;
            this.urls = List.copyOf(urls);
        }

        void refresh() {
            LinkedHashSet<Endpoint> endpoints = new LinkedHashSet<>();
            List<String> errors = new ArrayList<>();
            for (BackendUrl url : urls) {
                try {
                    for (InetAddress address : preferIpv4(hostResolver.resolve(url.host()))) {
                        endpoints.add(new Endpoint(url.scheme(), url.host(), address.getHostAddress(), url.port(),
                                url.pathPrefix()));
                    }
                } catch (UnknownHostException e) {
                    errors.add("cannot resolve host " + url.host());
                }
            }
            Resolution next = new Resolution(List.copyOf(endpoints), List.copyOf(errors));
            if (!next.equals(resolved)) {
                LOG.info("{}: endpoints {}{}", service.id(), next.endpoints(),
                        errors.isEmpty() ? "" : " " + errors);
            }
            resolved = next;
        }

        Endpoint next() {
            if (urls.isEmpty()) {
                throw ErrorCode.SERVICE_UNAVAILABLE.exception(service.id() + " is unavailable: no endpoint configured"
                        + " (gateway.services." + service.id() + ".urls / "
                        + service.id().toUpperCase(Locale.ROOT).replace('-', '_') + "_URLS)");
            }
            List<Endpoint> endpoints = resolved.endpoints();
            if (endpoints.isEmpty()) {
                requestRefresh();
                String why = resolved.errors().isEmpty() ? "no address resolved yet"
                        : String.join(", ", resolved.errors());
                throw ErrorCode.BAD_GATEWAY.exception(service.id() + " is unavailable: " + why);
            }
            int start = counter.getAndIncrement();
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint candidate = endpoints.get(Math.floorMod(start + i, endpoints.size()));
                if (!recentlyFailed(candidate)) {
                    return candidate;
                }
            }
            return endpoints.get(Math.floorMod(start, endpoints.size()));
        }
    }

    /** One address per node: the IPv4 ones if there are any, sorted for a stable round robin order. */
    static List<InetAddress> preferIpv4(List<InetAddress> all) {
        List<InetAddress> v4 = all.stream().filter(a -> a instanceof Inet4Address).toList();
        List<InetAddress> chosen = v4.isEmpty() ? all : v4;
        return chosen.stream().sorted(Comparator.comparing(InetAddress::getHostAddress)).toList();
    }
}
