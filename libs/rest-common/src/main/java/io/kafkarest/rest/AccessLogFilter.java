package io.kafkarest.rest;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import reactor.core.publisher.Flux;

/**
 * One access line per request, in every service (and the gateway), to the logger {@value #LOGGER}:
 * {@code GET /topics?x=1 200 12ms} with the request id in the MDC ({@code request_id}) and as key-value pairs
 * ({@code method}, {@code path}, {@code status}, {@code duration_ms}, {@code request_id}). The duration runs until the
 * answer's status and headers are ready (a streamed body may still be on its way).
 * <p>
 * First of all filters: it settles the request id ({@link RequestIds}: the sane {@code X-Request-Id} sent, else a new
 * one), keeps it as a request attribute, puts it in the MDC for everything that handles the request (Micronaut's
 * propagated context carries the MDC across threads and reactive steps) and sets it on the answer. Requests on a
 * separate management port (health) are logged at DEBUG, so probes do not flood the log.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class AccessLogFilter implements HttpServerFilter {
    public static final String LOGGER = "io.kafkarest.access";
    /** Before every other filter (the gateway's CORS, auth and proxy filters start at -200). */
    public static final int ORDER = -1000;
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    private final Integer managementPort;
    private final boolean propagateMdc;

    /**
     * {@code kafkarest.access-log.propagate-mdc} (default true): whether the request id follows the request's
     * handling in the MDC across threads and reactive steps. It copies the MDC at every step; the gateway, which
     * logs little besides its access lines (they carry the id anyway), turns it off.
     */
    public AccessLogFilter(@Property(name = "endpoints.all.port") @Nullable Integer managementPort,
                           @Property(name = "micronaut.server.port") @Nullable Integer serverPort,
                           @Property(name = "kafkarest.access-log.propagate-mdc", defaultValue = "true")
                           boolean propagateMdc) {
        this.managementPort = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort)
                ? managementPort : null;
        this.propagateMdc = propagateMdc;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long start = System.nanoTime();
        String id = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        Level level = managementPort != null && request.getServerAddress().getPort() == managementPort
                ? Level.DEBUG : Level.INFO;
        String method = request.getMethodName();
        String path = pathAndQuery(request);
        AtomicBoolean logged = new AtomicBoolean();
        Publisher<MutableHttpResponse<?>> answer;
        try {
            answer = propagateMdc ? proceedWithIdInMdc(request, chain, id) : chain.proceed(request);
        } catch (RuntimeException e) {
            log(level, method, path, 500, start, id, logged);
            throw e;
        }
        return Flux.from(answer)
                .doOnNext(response -> {
                    response.getHeaders().set(RequestIds.HEADER, id);
                    log(level, method, path, response.code(), start, id, logged);
                })
                .doOnError(e -> log(level, method, path, 500, start, id, logged))
                // the client went away before the answer was ready: 499 as nginx says
                .doOnCancel(() -> log(level, method, path, 499, start, id, logged));
    }

    private static Publisher<MutableHttpResponse<?>> proceedWithIdInMdc(HttpRequest<?> request,
                                                                        ServerFilterChain chain, String id) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id))).propagate()) {
            return chain.proceed(request);
        } finally {
            restore(previous);
        }
    }

    /** Logs the line for one request once; the id is in the MDC for the call and restored afterwards. */
    static void log(Level level, String method, String path, int status, long startNanos, String id,
                    AtomicBoolean logged) {
        if (!logged.compareAndSet(false, true) || !ACCESS.isEnabledForLevel(level)) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        log(level, method, path, status, millis, id);
    }

    /** One access line (also for answers given outside the filter chain, e.g. by a Netty handler). */
    public static void log(Level level, String method, String path, int status, long millis, String id) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            ACCESS.atLevel(level)
                    .addKeyValue("method", method)
                    .addKeyValue("path", path)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", millis)
                    .addKeyValue(RequestIds.MDC_KEY, id)
                    .log("{} {} {} {}ms", method, path, status, millis);
        } finally {
            restore(previous);
        }
    }

    private static void restore(@Nullable String previous) {
        if (previous == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, previous);
        }
    }

    /** The path and query as received (still percent-encoded). */
    static String pathAndQuery(HttpRequest<?> request) {
        URI uri = request.getUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
