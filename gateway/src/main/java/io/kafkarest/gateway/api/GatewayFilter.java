package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.GatewayConfiguration;
import io.kafkarest.gateway.core.GatewayMetrics;
import io.kafkarest.gateway.core.RouteKind;
import io.kafkarest.gateway.core.RouteMatch;
import io.kafkarest.gateway.core.RouteTable;
import io.micronaut.http.HttpHeaders;
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

    private final RouteTable routes;
    private final RouteTargets targets;
    private final BackendForwarder forwarder;
    private final ConsumerCreation consumerCreation;
    private final GatewayConfiguration config;
    private final ApiPort apiPort;
    private final GatewayMetrics metrics;
    private final long maxRequestSize;

    public GatewayFilter(RouteTable routes, RouteTargets targets, BackendForwarder forwarder,
                         ConsumerCreation consumerCreation,
                         GatewayConfiguration config, HttpServerConfiguration serverConfig, ApiPort apiPort,
                         GatewayMetrics metrics) {
        this.routes = routes;
        this.targets = targets;
        this.forwarder = forwarder;
        this.consumerCreation = consumerCreation;
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
        long start = System.nanoTime();
        String pathAndQuery = BackendForwarder.pathAndQuery(request);
        String rawPath = request.getUri().getRawPath() == null ? "/" : request.getUri().getRawPath();
        Optional<RouteMatch> match = routes.match(request.getMethodName(), rawPath);
        if (match.isEmpty()) {
            java.util.Set<String> allowed = routes.allowedMethods(rawPath);
            MutableHttpResponse<?> answer = allowed.isEmpty() ? GatewayErrors.noRoute(request.getMethodName(), rawPath)
                    : GatewayErrors.methodNotAllowed(request.getMethodName(), rawPath, allowed);
            metrics.notRouted(answer.code(), System.nanoTime() - start);
            return answer(answer);
        }
        RouteMatch route = match.get();
        ExternalBase external = ExternalBase.of(request, config.getExternalUrl());
        Mono<MutableHttpResponse<?>> response = route.kind() == RouteKind.CONSUMER_CREATE
                ? consumerCreation.create(request, pathAndQuery, external, route.variable("group"))
                : forward(request, pathAndQuery, rawPath, external, route, canRetry(request, route)
                        ? RouteTargets.RETRIES : 0);
        return response.doOnNext(answer -> metrics.answered(route, answer.code(), System.nanoTime() - start));
    }

    /**
     * To the route's node ({@link RouteTargets}); a request that could not reach a replica is tried on the next one
     * ({@code retries} times at most) when that is safe.
     */
    private Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, String pathAndQuery, String rawPath,
                                                 ExternalBase external, RouteMatch route, int retries) {
        return Mono.fromFuture(targets.nodeFor(route))
                .flatMap(node -> forwarder.forward(request, pathAndQuery, external, node)
                        .doOnNext(answer -> targets.answered(route, request.getMethodName(), rawPath, node,
                                answer.code()))
                        .onErrorResume(e -> targets.retryElsewhere(route, node, e, retries)
                                ? forward(request, pathAndQuery, rawPath, external, route, retries - 1)
                                : answer(targets.failure(route, node, e))))
                .onErrorResume(e -> answer(GatewayErrors.backendFailed(route.service(), e)));
    }

    /**
     * Whether the request may be sent again to another replica after the first could not be reached: idempotent
     * methods only, and only without a body (a streamed body may have been read already).
     */
    static boolean canRetry(HttpRequest<?> request, RouteMatch route) {
        return RouteTargets.mayRetry(request.getMethodName(), route) && request.getContentLength() <= 0
                && !request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
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
