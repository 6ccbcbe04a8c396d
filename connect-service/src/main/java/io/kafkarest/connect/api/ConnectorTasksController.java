package io.kafkarest.connect.api;

import io.kafkarest.connect.core.ConnectorTaskManager;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;

/**
 * {@code /connectors/{connector}/tasks...}: task configs, task status and restart; plus the two endpoints Connect
 * workers call on each other (signed with the group's session key): task configs from a follower
 * ({@code POST .../tasks}) and zombie fencing ({@code PUT .../fence}).
 */
@Controller("/connectors/{connector}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorTasksController {
    private final ConnectorTaskManager tasks;

    public ConnectorTasksController(ConnectorTaskManager tasks) {
        this.tasks = tasks;
    }

    /** The connector's tasks, each with its id (connector and task number) and config. */
    @Get(value = "/tasks", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> taskConfigs(@PathVariable String connector) {
        return ConnectJson.ok(tasks.taskConfigs(connector));
    }

    @Get(value = "/tasks/{task}/status", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> taskStatus(@PathVariable String connector, @PathVariable String task) {
        return ConnectJson.ok(tasks.taskStatus(connector, taskId(task)));
    }

    /** 204 once the task restarted. */
    @Post(value = "/tasks/{task}/restart", consumes = MediaType.ALL)
    public HttpResponse<Void> restartTask(HttpRequest<?> request, @PathVariable String connector,
                                          @PathVariable String task, @QueryValue @Nullable Boolean forward) {
        tasks.restartTask(connector, taskId(task), RequestContexts.of(request, forward));
        return HttpResponse.noContent();
    }

    /** Internal (worker to leader): the task configs a connector generated on a follower. 204. */
    @Post(value = "/tasks", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<Void> putTaskConfigs(HttpRequest<?> request, @PathVariable String connector,
                                             @Body @Nullable byte[] body, @QueryValue @Nullable Boolean forward) {
        tasks.putTaskConfigs(connector, body == null ? new byte[0] : body, RequestContexts.of(request, forward));
        return HttpResponse.noContent();
    }

    /** Internal (worker to leader): fence out zombie tasks of an exactly-once source connector. 204. */
    @Put(value = "/fence", consumes = MediaType.ALL)
    public HttpResponse<Void> fenceZombies(HttpRequest<?> request, @PathVariable String connector,
                                           @Body @Nullable byte[] body, @QueryValue @Nullable Boolean forward) {
        tasks.fenceZombies(connector, body == null ? new byte[0] : body, RequestContexts.of(request, forward));
        return HttpResponse.noContent();
    }

    /** A task id that is not a number names no resource: 404, as on Connect's server (JAX-RS path parameters). */
    private static int taskId(String task) {
        try {
            return Integer.parseInt(task);
        } catch (NumberFormatException e) {
            throw new ConnectRestException(404, "HTTP 404 Not Found");
        }
    }
}
