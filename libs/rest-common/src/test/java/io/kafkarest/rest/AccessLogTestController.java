package io.kafkarest.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes for {@link AccessLogTest} (test sources only): each logs one line while it handles the request. */
@Requires(env = Environment.TEST)
@Controller("/access")
class AccessLogTestController {
    static final Logger LOG = LoggerFactory.getLogger(AccessLogTestController.class);

    @Get("/ok")
    String ok() {
        LOG.warn("handling ok");
        return "ok";
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/blocking")
    String blocking() {
        LOG.warn("handling blocking");
        return "blocking";
    }

    @Get("/async")
    CompletableFuture<String> async() {
        return CompletableFuture.supplyAsync(() -> "async");
    }
}
