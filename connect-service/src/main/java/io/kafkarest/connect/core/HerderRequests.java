package io.kafkarest.connect.core;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.HerderRequestHandler;
import org.apache.kafka.connect.runtime.rest.RestRequestTimeout;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * Waits for herder callbacks the way Connect's REST layer does, through Connect's own {@link HerderRequestHandler}:
 * at most {@value #REQUEST_TIMEOUT_MS} ms, and a request this worker cannot serve (it is not the leader, or not the
 * owner of a task) is forwarded to the worker that can, at most two hops, with the {@code forward} flag.
 * A rebalance in progress comes back as 409.
 */
@Singleton
public class HerderRequests {
    /** Connect's own request timeout: a rebalance may have to wait out a whole session timeout. */
    public static final long REQUEST_TIMEOUT_MS = 90_000;
    public static final long HEALTH_CHECK_TIMEOUT_MS = 10_000;

    private static final RestRequestTimeout TIMEOUT =
            RestRequestTimeout.constant(REQUEST_TIMEOUT_MS, HEALTH_CHECK_TIMEOUT_MS);

    private final ConnectRuntime runtime;
    private volatile HerderRequestHandler handler;

    public HerderRequests(ConnectRuntime runtime) {
        this.runtime = runtime;
    }

    /** The herder of the running worker (503 while it starts). */
    public Herder herder() {
        return runtime.herder();
    }

    /** Waits for a herder operation that any worker can serve. */
    public <T> T complete(FutureCallback<T> callback) {
        try {
            return handler().completeRequest(callback);
        } catch (Throwable t) {
            throw propagate(t);
        }
    }

    /** Waits for a herder operation, forwarding it to the leader if needed; the forwarded answer is ignored. */
    public void completeOrForward(FutureCallback<?> callback, String path, String method, RequestContext context,
                                  Object body) {
        completeOrForward(callback, path, method, context, null, body, new TypeReference<Void>() { },
                response -> null);
    }

    /** Waits for a herder operation whose answer is also the leader's answer when forwarded. */
    public <T> T completeOrForward(FutureCallback<T> callback, String path, String method, RequestContext context,
                                   Map<String, String> queryParameters, Object body, TypeReference<T> resultType) {
        return completeOrForward(callback, path, method, context, queryParameters, body, resultType,
                new HerderRequestHandler.IdentityTranslator<>());
    }

    /** Waits for a create-or-update: the leader's 201 tells whether the connector was created. */
    public Herder.Created<ConnectorInfo> completeOrForwardCreated(FutureCallback<Herder.Created<ConnectorInfo>> callback,
                                                                  String path, String method, RequestContext context,
                                                                  Object body) {
        return completeOrForward(callback, path, method, context, null, body, new TypeReference<ConnectorInfo>() { },
                response -> new Herder.Created<>(response.status() == 201, response.body()));
    }

    private <T, U> T completeOrForward(FutureCallback<T> callback, String path, String method,
                                       RequestContext context, Map<String, String> queryParameters, Object body,
                                       TypeReference<U> resultType, HerderRequestHandler.Translator<T, U> translator) {
        try {
            return handler().completeOrForwardRequest(callback, path, method, context.jaxRsHeaders(), queryParameters,
                    body, resultType, translator, context.forward());
        } catch (Throwable t) {
            throw propagate(t);
        }
    }

    private HerderRequestHandler handler() {
        HerderRequestHandler h = handler;
        if (h == null) {
            synchronized (this) {
                if (handler == null) {
                    handler = new HerderRequestHandler(runtime.restClient(), TIMEOUT);
                }
                h = handler;
            }
        }
        return h;
    }

    static RuntimeException propagate(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new ConnectException(t.getMessage(), t);
    }
}
