package io.kafkarest.rest;

import io.micronaut.core.order.OrderUtil;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stop of the error pipeline: unwraps futures, asks the registered {@link ErrorMapper}s, and answers
 * anything still unknown with a 500 that names the failure.
 */
@Produces
@Singleton
public class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<ErrorResponse>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);
    private final List<ErrorMapper> mappers;

    public UnexpectedExceptionHandler(List<ErrorMapper> mappers) {
        this.mappers = new ArrayList<>(mappers);
        OrderUtil.sort(this.mappers);
    }

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, Exception exception) {
        RestException mapped = toRestException(exception);
        if (mapped.errorCode().status().getCode() >= 500) {
            LOG.warn("{} {} failed", request.getMethod(), request.getPath(), exception);
        }
        return ErrorResponses.of(mapped);
    }

    public RestException toRestException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RestException re) {
            return re;
        }
        for (ErrorMapper mapper : mappers) {
            RestException mapped = mapper.map(cause);
            if (mapped != null) {
                return mapped;
            }
        }
        return new RestException(ErrorCode.INTERNAL_ERROR,
                "Internal server error: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
