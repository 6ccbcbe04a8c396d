package io.kafkarest.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds error responses; the only place that turns an error into HTTP. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static MutableHttpResponse<ErrorResponse> of(RestException e) {
        return of(e.errorCode().status(), e.toResponse());
    }

    public static MutableHttpResponse<ErrorResponse> of(HttpStatus status, ErrorResponse body) {
        return HttpResponse.<ErrorResponse>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
