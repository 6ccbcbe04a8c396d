package io.kafkarest.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Routes that fail in every way the error pipeline must handle (test sources only). */
@Requires(env = Environment.TEST)
@Controller("/pipeline")
class ErrorPipelineTestController {

    @Serdeable
    record Echo(String name, int count) {
    }

    /** A failure only {@link TestErrorMapper} knows. */
    static class MappedFailure extends RuntimeException {
        MappedFailure(String message) {
            super(message);
        }
    }

    @Get("/rest")
    String rest() {
        throw ErrorCode.TOPIC_NOT_FOUND.exception("Topic 'missing' not found.");
    }

    @Get("/rest-5xx")
    String rest5xx() {
        throw new RestException(ErrorCode.KAFKA_RETRIABLE_ERROR, "Retriable Kafka error: try again",
                new IllegalStateException("cause"));
    }

    @Get("/unexpected")
    String unexpected() {
        throw new IllegalStateException("boom");
    }

    @Get("/wrapped")
    String wrapped() {
        throw new CompletionException(new ExecutionException(ErrorCode.CONSUMER_ALREADY_EXISTS.exception("exists")));
    }

    @Get("/mapped")
    String mapped() {
        throw new MappedFailure("mapped by the test mapper");
    }

    @Get("/future")
    CompletableFuture<String> future() {
        return CompletableFuture.failedFuture(ErrorCode.PARTITION_NOT_FOUND.exception("Partition 7 not found."));
    }

    @Get("/future-async")
    CompletableFuture<String> futureAsync() {
        return CompletableFuture.supplyAsync(() -> {
            throw ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.exception("Consumer instance not found.");
        });
    }

    @Get("/future-unexpected")
    CompletableFuture<String> futureUnexpected() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("nope"));
    }

    @Get("/get-only")
    String getOnly() {
        return "ok";
    }

    @Post(value = "/echo", consumes = MediaType.APPLICATION_JSON)
    Echo echo(@Body Echo echo) {
        return echo;
    }

    @Get(value = "/url", produces = MediaType.TEXT_PLAIN)
    String url(HttpRequest<?> request) {
        return ExternalUrl.of(request);
    }
}
