package io.kafkarest.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Micronaut's own errors (no route: 404, wrong method: 405, unsupported media type: 415, unreadable body: 400,
 * body too large: 413) come out in the same {@code {"error_code", "message"}} shape as ours.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class StandardErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

    @Override
    public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (message.isBlank()) {
            message = response.reason();
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ErrorResponse(status, message)); // a generic error's code is its status
    }
}
