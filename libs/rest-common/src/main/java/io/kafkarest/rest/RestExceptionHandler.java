package io.kafkarest.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link RestException} (and anything that wraps one) into the standard error body. */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class RestExceptionHandler implements ExceptionHandler<RestException, HttpResponse<ErrorResponse>> {
    private static final Logger LOG = LoggerFactory.getLogger(RestExceptionHandler.class);

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, RestException e) {
        if (e.errorCode().status().getCode() >= 500) {
            if (e.getCause() != null) {
                LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage(), e.getCause());
            } else {
                LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage());
            }
        }
        return ErrorResponses.of(e);
    }
}
