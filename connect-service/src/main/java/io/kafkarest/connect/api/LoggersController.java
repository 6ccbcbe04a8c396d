package io.kafkarest.connect.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kafkarest.connect.core.WorkerManager;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/** {@code /admin/loggers}: log levels of this worker (log4j2), changed for the worker or the whole cluster. */
@Controller("/admin/loggers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoggersController {
    private static final TypeReference<Map<String, String>> LEVEL = new TypeReference<>() { };

    private final WorkerManager worker;

    public LoggersController(WorkerManager worker) {
        this.worker = worker;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list() {
        return ConnectJson.ok(worker.loggers());
    }

    @Get(value = "/{logger}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(@PathVariable String logger) {
        return ConnectJson.ok(worker.logger(logger));
    }

    /** {@code {"level": "DEBUG"}}: 200 with the loggers changed ({@code scope=worker}), 204 for {@code scope=cluster}. */
    @Put(value = "/{logger}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> setLevel(HttpRequest<?> request, @PathVariable String logger, @Body @Nullable byte[] body,
                                         @QueryValue("scope") @Nullable String scope) {
        Map<String, String> level = ConnectJson.read(request, body, LEVEL, "{\"level\": string}");
        List<String> changed = worker.setLevel(logger, level, scope);
        return changed == null ? HttpResponse.noContent() : ConnectJson.ok(changed);
    }
}
