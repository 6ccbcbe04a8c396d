package io.kafkarest.connect.api;

import io.kafkarest.connect.core.RequestContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** The parts of an HTTP request Connect's forwarding needs. */
final class RequestContexts {
    private RequestContexts() {
    }

    static RequestContext of(HttpRequest<?> request, @Nullable Boolean forward) {
        return RequestContext.of(forward, request.getHeaders().asMap());
    }
}
