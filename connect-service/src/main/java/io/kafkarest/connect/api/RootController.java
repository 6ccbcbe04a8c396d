package io.kafkarest.connect.api;

import io.kafkarest.connect.core.WorkerManager;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Connect's root: worker version and Kafka cluster, and Connect's own health check. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RootController {
    private final WorkerManager worker;

    public RootController(WorkerManager worker) {
        this.worker = worker;
    }

    /** The worker's version, commit and Kafka cluster id. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> serverInfo() {
        return ConnectJson.ok(worker.serverInfo());
    }

    /** 200 with status healthy; 503 while starting, 500 when the worker is stuck or failed. */
    @Get(value = "/health", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> health() {
        WorkerManager.WorkerHealth health = worker.health();
        return ConnectJson.response(HttpStatus.valueOf(health.status()), health.body());
    }
}
