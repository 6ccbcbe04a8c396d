package io.kafkarest.gateway.api;

import io.kafkarest.gateway.backend.BackendDirectory;
import io.kafkarest.gateway.backend.BackendFailure;
import io.kafkarest.gateway.backend.ConsumerOwners;
import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.GatewayConfiguration;
import io.kafkarest.gateway.core.GatewayMetrics;
import io.kafkarest.gateway.core.PathPattern;
import io.kafkarest.gateway.core.RouteMatch;
import io.kafkarest.gateway.core.RouteTable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.HttpServerConfiguration;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The gateway: every request on the API port is matched against the {@link RouteTable} and streamed to a node of
 * the matching service; no match is a 404. Requests on the management port (health) are left to Micronaut.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class GatewayFilter implements HttpServerFilter {
    /** After {@link CrossOriginFilter} and {@link BasicAuthFilter}: only what they let through is proxied. */
    static final int ORDER = 0;
    /** How many other replicas a request that could not reach one is tried on. */
    private static final int RETRIES = 2;

    private final RouteTable routes;
    private final BackendDirectory backends;
    private final BackendForwarder forwarder;
    private final ConsumerCreation consumerCreation;
    private final ConsumerOwners owners;
    private final GatewayConfiguration config;
    private final ApiPort apiPort;
    private final GatewayMetrics metrics;
    private final long maxRequestSize;

    public GatewayFilter(RouteTable routes, BackendDirectory backends, BackendForwarder forwarder,
                         ConsumerCreation consumerCreation, ConsumerOwners owners,
                         GatewayConfiguration config, HttpServerConfiguration serverConfig, ApiPort apiPort,
                         GatewayMetrics metrics) {
        this.routes = routes;
        this.backends = backends;
        this.forwarder = forwarder;
        this.consumerCreation = consumerCreation;
        this.owners = owners;
        this.config = config;
        this.maxRequestSize = serverConfig.getMaxRequestSize();
        this.apiPort = apiPort;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (apiPort.isManagementRequest(request)) {
            return chain.proceed(request);
        }
        // the gateway's own paths (its API description and Swagger UI: ApiDocsController) are left to Micronaut too
        if (RouteTable.isGatewayOwn(request.getPath())) {
            return chain.proceed(request);
        }
        if (request.getContentLength() > maxRequestSize) {
            return Mono.just(GatewayErrors.requestTooLarge("The content length [" + request.getContentLength()
                    + "] exceeds the maximum allowed content length [" + maxRequestSize + "]"));
        }
        String pathAndQuery = BackendForwarder.pathAndQuery(request);
        String rawPath = request.getUri().getRawPath() == null ? "/" : request.getUri().getRawPath();
        Optional<RouteMatch> match = routes.match(request.getMethodName(), rawPath);
        if (match.isEmpty()) {
            java.util.Set<String> allowed = routes.allowedMethods(rawPath);
            return answer(allowed.isEmpty() ? GatewayErrors.noRoute(request.getMethodName(), rawPath)
                    : GatewayErrors.methodNotAllowed(request.getMethodName(), rawPath, allowed));
        }
        RouteMatch route = match.get();
        long start = System.nanoTime();
        ExternalBase external = ExternalBase.of(request, config.getExternalUrl());
        Mono<MutableHttpResponse<?>> response = switch (route.kind()) {
            case FORWARD -> toService(request, pathAndQuery, external, route.service());
            case CONSUMER_CREATE -> consumerCreation.create(request, pathAndQuery, external, route.variable("group"));
            case CONSUMER_INSTANCE -> toOwner(request, pathAndQuery, external, rawPath,
                    new ConsumerInstanceKey(route.variable("group"), route.variable("instance")));
        };
        return response.doOnNext(answer -> metrics.answered(route, answer.code(), System.nanoTime() - start));
    }

    private Mono<MutableHttpResponse<?>> toService(HttpRequest<?> request, String pathAndQuery,
                                                   ExternalBase external, BackendService service) {
        return toService(request, pathAndQuery, external, service, canRetry(request) ? RETRIES : 0);
    }

    /**
     * To the next replica of the service; a replica that cannot be reached is skipped for a while, and an idempotent
     * request without a body is then tried on the next one ({@code retries} times at most).
     */
    private Mono<MutableHttpResponse<?>> toService(HttpRequest<?> request, String pathAndQuery,
                                                   ExternalBase external, BackendService service, int retries) {
        return Mono.fromFuture(backends.next(service))
                .flatMap(endpoint -> forwarder.forward(request, pathAndQuery, external, endpoint)
                        .onErrorResume(e -> {
                            if (BackendFailure.of(e).unreachable()) {
                                backends.reportUnreachable(endpoint);
                                if (retries > 0) {
                                    metrics.retried(service, endpoint);
                                    return toService(request, pathAndQuery, external, service, retries - 1);
                                }
                            }
                            metrics.backendFailed(service, endpoint);
                            return answer(GatewayErrors.backendFailed(service, endpoint, e));
                        }))
                .onErrorResume(e -> answer(GatewayErrors.backendFailed(service, e)));
    }

    /**
     * Whether the request may be sent again to another replica after the first could not be reached: idempotent
     * methods only, and only without a body (a streamed body may have been read already).
     */
    static boolean canRetry(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        return idempotent && request.getContentLength() <= 0
                && !request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** To the node that owns the instance; an instance nobody owns, or whose node is gone, is a fast 404 40403. */
    private Mono<MutableHttpResponse<?>> toOwner(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                                 String rawPath, ConsumerInstanceKey key) {
        boolean deletesInstance = request.getMethod() == HttpMethod.DELETE
                && PathPattern.segmentsOf(rawPath).size() == 4;
        return Mono.fromFuture(owners.locate(key)).flatMap(owner -> {
            if (owner.isEmpty()) { // nobody has it - unless there is no consume node at all (then 502/503)
                return Mono.fromFuture(backends.all(BackendService.CONSUME))
                        .flatMap(nodes -> nodes.isEmpty()
                                ? Mono.fromFuture(backends.next(BackendService.CONSUME))
                                        .map(ignored -> GatewayErrors.consumerInstanceNotFound(key))
                                : answer(GatewayErrors.consumerInstanceNotFound(key)))
                        .onErrorResume(e -> answer(GatewayErrors.backendFailed(BackendService.CONSUME, e)));
            }
            Endpoint node = owner.get();
            return forwarder.forward(request, pathAndQuery, external, node)
                    .doOnNext(response -> {
                        if (deletesInstance && response.code() >= 200 && response.code() < 300) {
                            owners.deleted(key);
                        } else if (response.code() == 404) {
                            owners.lost(key, node); // asked again next time; cheap
                        }
                    })
                    .onErrorResume(e -> {
                        metrics.backendFailed(BackendService.CONSUME, node);
                        if (BackendFailure.of(e).unreachable()) {
                            owners.lost(key, node);
                            return answer(GatewayErrors.consumerOwnerGone(key, node));
                        }
                        return answer(GatewayErrors.backendFailed(BackendService.CONSUME, node, e));
                    });
        });
    }

    /** Whether a {@code %} in the request target is not followed by two hexadecimal digits. */
    static boolean hasMalformedEscape(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    private static Mono<MutableHttpResponse<?>> answer(MutableHttpResponse<?> response) {
        return Mono.just(response);
    }
}
