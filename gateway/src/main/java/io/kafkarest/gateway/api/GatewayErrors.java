package io.kafkarest.gateway.api;

import io.kafkarest.gateway.backend.BackendFailure;
import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorResponse;
import io.kafkarest.rest.ErrorResponses;
import io.kafkarest.rest.RestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The gateway's own answers: {@code {"error_code","message"}} for no route, no backend, backend failures. */
final class GatewayErrors {
    private GatewayErrors() {
    }

    static MutableHttpResponse<?> of(ErrorCode code, String message) {
        return ErrorResponses.of(code.status(), new ErrorResponse(code.code(), message));
    }

    static MutableHttpResponse<?> noRoute(String method, String path) {
        return of(ErrorCode.NOT_FOUND, "No API endpoint for " + method + " " + path);
    }

    /** 405 with {@code Allow}: the path is an endpoint, but not for this method. */
    static MutableHttpResponse<?> methodNotAllowed(String method, String path, java.util.Set<String> allowed) {
        return of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed for " + path + "; allowed: "
                + String.join(", ", allowed)).header("Allow", String.join(", ", allowed));
    }

    /**
     * 413, closing the connection: the rest of the body is not read, and a client that writes its whole body before
     * reading the answer would otherwise wait forever.
     */
    static MutableHttpResponse<?> requestTooLarge(String message) {
        return of(ErrorCode.REQUEST_TOO_LARGE, message).header("Connection", "close");
    }

    /**
     * 401 40101 with a Basic challenge: missing or wrong credentials at the gateway (40101 is Confluent's
     * authentication-failed code, also used when Kafka rejects a service's credentials).
     */
    static MutableHttpResponse<?> unauthorized(String realm, String message) {
        return of(ErrorCode.KAFKA_AUTHENTICATION_ERROR, message)
                .header("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    }

    /** 403: a CORS preflight from an origin, or for a method or headers, that the gateway does not allow. */
    static MutableHttpResponse<?> corsRejected(String message) {
        return of(ErrorCode.FORBIDDEN, message);
    }

    /** 404 40403 as an exception, for a node lookup that fails with it. */
    static RestException consumerInstanceNotFound(ConsumerInstanceKey key) {
        return ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.exception(
                "Consumer instance not found: group '" + key.group() + "', instance '" + key.instance() + "'");
    }

    /** The node that owned the instance cannot be reached: its instances are lost with it. */
    static MutableHttpResponse<?> consumerOwnerGone(ConsumerInstanceKey key, Endpoint node) {
        return of(ErrorCode.CONSUMER_INSTANCE_NOT_FOUND, "Consumer instance not found: group '" + key.group()
                + "', instance '" + key.instance() + "': the consume-service node that held it (" + node.baseUri()
                + ") is gone");
    }

    /** 502 unreachable / broken, 504 timeout, 413 body too large, or a {@link RestException}'s status (503 ...). */
    static MutableHttpResponse<?> backendFailed(BackendService service, Throwable error) {
        return backendFailed(service, null, error);
    }

    /** As above, naming the endpoint that failed. */
    static MutableHttpResponse<?> backendFailed(BackendService service, @Nullable Endpoint endpoint,
                                                Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof RestException rest) {
            return ErrorResponses.of(rest);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.micronaut.http.exceptions.ContentLengthExceededException tooLarge) {
                // the client's body exceeds micronaut.server.max-request-size (noticed while streaming it)
                return requestTooLarge(tooLarge.getMessage());
            }
        }
        BackendFailure failure = BackendFailure.of(e);
        String reason = BackendFailure.reason(e) + (endpoint == null ? "" : " (" + endpoint.baseUri() + ")");
        if (failure.timeout()) {
            return of(ErrorCode.GATEWAY_TIMEOUT, service.id() + " did not answer in time: " + reason);
        }
        return of(ErrorCode.BAD_GATEWAY, service.id() + " is unavailable: " + reason);
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
