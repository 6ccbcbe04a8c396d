package io.kafkarest.gateway.api;

import io.kafkarest.gateway.security.CorsPolicy;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * CORS on the API port when {@code gateway.cors.enabled} ({@code GATEWAY_CORS_ENABLED}). Micronaut's own CorsFilter
 * cannot serve here: it runs after {@link GatewayFilter} (order {@code METRICS.after()} = 9250 against 0), which
 * answers every API request itself, and it decides preflights from controller routes, which the proxy has none of.
 * A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered here and
 * never forwarded: 200 with the {@code Access-Control-Allow-*} headers, or 403 when the origin, method or headers are
 * not allowed. Other requests from an allowed origin get {@code Access-Control-Allow-Origin} on their answer
 * (401s included, so a browser can read them). The pass-through lane asks the same of this class
 * ({@link #answersPreflight}, {@link #answerHeaders}): it leaves preflights here and puts the same
 * headers on the answers it relays.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class CrossOriginFilter implements HttpServerFilter {
    /** First: before {@link BasicAuthFilter} and {@link GatewayFilter}. */
    static final int ORDER = -200;

    private final ApiPort apiPort;
    private final boolean enabled;
    private final CorsPolicy policy;

    public CrossOriginFilter(ApiPort apiPort,
                      @Property(name = "gateway.cors.enabled", defaultValue = "false") boolean enabled,
                      @Property(name = "gateway.cors.allowed-origins", defaultValue = "") String origins,
                      @Property(name = "gateway.cors.allowed-methods",
                              defaultValue = "GET,HEAD,POST,PUT,PATCH,DELETE") String methods,
                      @Property(name = "gateway.cors.allowed-headers",
                              defaultValue = "Accept,Authorization,Content-Type") String headers,
                      @Property(name = "gateway.cors.exposed-headers", defaultValue = "") String exposed,
                      @Property(name = "gateway.cors.allow-credentials", defaultValue = "false") boolean credentials,
                      @Property(name = "gateway.cors.max-age", defaultValue = "1800") long maxAgeSeconds) {
        this.apiPort = apiPort;
        this.enabled = enabled;
        this.policy = CorsPolicy.of(origins, methods, headers, exposed, credentials, maxAgeSeconds);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static boolean isPreflight(HttpRequest<?> request) {
        return isPreflight(request.getMethodName(), request.getHeaders().get(HttpHeaders.ORIGIN),
                request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD));
    }

    /** Whether CORS is on and this is a preflight, which this filter answers (the lane leaves it here). */
    boolean answersPreflight(String method, @Nullable String origin, @Nullable String requestMethod) {
        return enabled && isPreflight(method, origin, requestMethod);
    }

    private static boolean isPreflight(String method, @Nullable String origin, @Nullable String requestMethod) {
        return HttpMethod.OPTIONS.name().equals(method) && origin != null && requestMethod != null;
    }

    /**
     * Takes {@code Origin} off a request on its way to a node when CORS is on: the gateway has answered for the
     * origin, and a node would apply its own origin rules (a Micronaut service reached on localhost refuses every
     * other origin with 403, its guard against drive-by requests to localhost).
     */
    void forwarding(Consumer<String> removeHeader) {
        if (enabled) {
            removeHeader.accept(HttpHeaders.ORIGIN);
        }
    }

    /**
     * Adds to an answer (not a preflight's) what a page at this {@code Origin} needs to read it:
     * {@code Access-Control-Allow-Origin} and the rest; nothing when CORS is off, there is no origin or it is not
     * allowed (the browser then keeps the answer from the page).
     */
    void answerHeaders(@Nullable String origin, BiConsumer<String, String> header) {
        if (!enabled || origin == null) {
            return;
        }
        policy.allowOrigin(origin).ifPresent(allowOrigin -> {
            allow(allowOrigin, header);
            if (!policy.exposedHeaders().isEmpty()) {
                header.accept(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", policy.exposedHeaders()));
            }
        });
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (!enabled || origin == null || apiPort.isManagementRequest(request)) {
            return chain.proceed(request);
        }
        if (isPreflight(request)) {
            return Mono.just(preflight(request, origin, policy.allowOrigin(origin)));
        }
        return Mono.from(chain.proceed(request)).map(response -> {
            answerHeaders(origin, response::header);
            return response;
        });
    }

    private MutableHttpResponse<?> preflight(HttpRequest<?> request, String origin, Optional<String> allowOrigin) {
        String method = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        String headers = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (allowOrigin.isEmpty()) {
            return GatewayErrors.corsRejected("CORS: origin " + origin + " is not allowed");
        }
        if (!policy.allowsMethod(method)) {
            return GatewayErrors.corsRejected("CORS: method " + method + " is not allowed");
        }
        if (!policy.allowsHeaders(headers)) {
            return GatewayErrors.corsRejected("CORS: request headers " + headers + " are not all allowed");
        }
        MutableHttpResponse<?> response = HttpResponse.ok();
        allow(allowOrigin.get(), response::header);
        response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", policy.allowedMethods()));
        String allowHeaders = policy.allowHeadersAnswer(headers);
        if (!allowHeaders.isEmpty()) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders);
        }
        response.header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(policy.maxAgeSeconds()));
        return response;
    }

    private void allow(String allowOrigin, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
        if (!"*".equals(allowOrigin)) {
            header.accept(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        if (policy.allowCredentials()) {
            header.accept(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }
}
