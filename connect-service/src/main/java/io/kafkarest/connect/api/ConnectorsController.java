package io.kafkarest.connect.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kafkarest.connect.core.ConnectorManager;
import io.kafkarest.rest.ExternalUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ActiveTopicsInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest;

/**
 * {@code /connectors}: list, create, read, configure, inspect, restart, pause/resume/stop, delete, offsets and
 * active topics of connectors. Statuses as a stock Connect worker answers them.
 */
@Controller("/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorsController {
    private static final TypeReference<CreateConnectorRequest> CREATE_REQUEST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> CONFIG = new TypeReference<>() { };
    private static final TypeReference<ConnectorOffsets> OFFSETS = new TypeReference<>() { };

    private final ConnectorManager connectors;

    public ConnectorsController(ConnectorManager connectors) {
        this.connectors = connectors;
    }

    /** Connector names, or with {@code ?expand=status} / {@code ?expand=info} a map of name to expansions. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(@QueryValue("expand") @Nullable List<String> expand) {
        if (expand != null && !expand.isEmpty()) {
            return ConnectJson.ok(connectors.expandedConnectors(expand));
        }
        return ConnectJson.ok(connectors.connectors());
    }

    /** 201 with the connector's info; 409 if it exists; 400 for an invalid config. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Body @Nullable byte[] body,
                                       @QueryValue @Nullable Boolean forward) {
        CreateConnectorRequest create = ConnectJson.read(request, body, CREATE_REQUEST,
                "{\"name\": string, \"config\": {string: string}}");
        Herder.Created<ConnectorInfo> created = connectors.create(create, RequestContexts.of(request, forward));
        return ConnectJson.response(HttpStatus.CREATED, created.result())
                .header("Location", location(request, created.result()));
    }

    @Get(value = "/{connector}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> info(@PathVariable String connector) {
        return ConnectJson.ok(connectors.connectorInfo(connector));
    }

    @Get(value = "/{connector}/config", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> config(@PathVariable String connector) {
        return ConnectJson.ok(connectors.connectorConfig(connector));
    }

    /** Creates (201) or updates (200) a connector from its config. */
    @Put(value = "/{connector}/config", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> putConfig(HttpRequest<?> request, @PathVariable String connector,
                                          @Body @Nullable byte[] body, @QueryValue @Nullable Boolean forward) {
        Map<String, String> config = ConnectJson.read(request, body, CONFIG, "the connector config {string: string}");
        Herder.Created<ConnectorInfo> result = connectors.putConfig(connector, config,
                RequestContexts.of(request, forward));
        if (result.created()) {
            return ConnectJson.response(HttpStatus.CREATED, result.result()).header("Location", location(request, result.result()));
        }
        return ConnectJson.ok(result.result());
    }

    /** Merges the given keys into the config (a null value removes a key). */
    @Patch(value = "/{connector}/config", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> patchConfig(HttpRequest<?> request, @PathVariable String connector,
                                            @Body @Nullable byte[] body, @QueryValue @Nullable Boolean forward) {
        Map<String, String> patch = ConnectJson.read(request, body, CONFIG, "connector config keys {string: string}");
        return ConnectJson.ok(connectors.patchConfig(connector, patch, RequestContexts.of(request, forward)));
    }

    @Get(value = "/{connector}/status", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> status(@PathVariable String connector) {
        return ConnectJson.ok(connectors.status(connector));
    }

    /** The topics the connector has used, under its name. */
    @Get(value = "/{connector}/topics", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> topics(@PathVariable String connector) {
        ActiveTopicsInfo info = connectors.activeTopics(connector);
        return ConnectJson.ok(Map.of(info.connector(), info));
    }

    @Put(value = "/{connector}/topics/reset", consumes = MediaType.ALL)
    public HttpResponse<Void> resetTopics(@PathVariable String connector) {
        connectors.resetActiveTopics(connector);
        return HttpResponse.accepted();
    }

    /**
     * Restarts the connector: 204 for the connector instance alone; with {@code includeTasks} or {@code onlyFailed}
     * 202 with the connector and task states.
     */
    @Post(value = "/{connector}/restart", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> restart(HttpRequest<?> request, @PathVariable String connector,
                                        @QueryValue(defaultValue = "false") boolean includeTasks,
                                        @QueryValue(defaultValue = "false") boolean onlyFailed,
                                        @QueryValue @Nullable Boolean forward) {
        Optional<ConnectorStateInfo> state = connectors.restart(connector, includeTasks, onlyFailed,
                RequestContexts.of(request, forward));
        return state.<HttpResponse<byte[]>>map(s -> ConnectJson.response(HttpStatus.ACCEPTED, s))
                .orElseGet(HttpResponse::noContent);
    }

    /** 202: the connector and its tasks pause soon after. */
    @Put(value = "/{connector}/pause", consumes = MediaType.ALL)
    public HttpResponse<Void> pause(@PathVariable String connector) {
        connectors.pause(connector);
        return HttpResponse.accepted();
    }

    /** 202: the connector and its tasks resume soon after. */
    @Put(value = "/{connector}/resume", consumes = MediaType.ALL)
    public HttpResponse<Void> resume(@PathVariable String connector) {
        connectors.resume(connector);
        return HttpResponse.accepted();
    }

    /** 204: the connector is stopped and its tasks shut down (config kept). */
    @Put(value = "/{connector}/stop", consumes = MediaType.ALL)
    public HttpResponse<Void> stop(HttpRequest<?> request, @PathVariable String connector,
                                   @QueryValue @Nullable Boolean forward) {
        connectors.stop(connector, RequestContexts.of(request, forward));
        return HttpResponse.noContent();
    }

    /** 204: the connector, its tasks and its config are gone. */
    @Delete(value = "/{connector}", consumes = MediaType.ALL)
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String connector,
                                     @QueryValue @Nullable Boolean forward) {
        connectors.delete(connector, RequestContexts.of(request, forward));
        return HttpResponse.noContent();
    }

    @Get(value = "/{connector}/offsets", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> offsets(@PathVariable String connector) {
        return ConnectJson.ok(connectors.offsets(connector));
    }

    /** Alters offsets of a stopped connector. */
    @Patch(value = "/{connector}/offsets", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> alterOffsets(HttpRequest<?> request, @PathVariable String connector,
                                             @Body @Nullable byte[] body, @QueryValue @Nullable Boolean forward) {
        ConnectorOffsets offsets = ConnectJson.read(request, body, OFFSETS, "{\"offsets\": [...]}");
        return ConnectJson.ok(connectors.alterOffsets(connector, offsets, RequestContexts.of(request, forward)));
    }

    /** Resets offsets of a stopped connector. */
    @Delete(value = "/{connector}/offsets", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> resetOffsets(HttpRequest<?> request, @PathVariable String connector,
                                             @QueryValue @Nullable Boolean forward) {
        return ConnectJson.ok(connectors.resetOffsets(connector, RequestContexts.of(request, forward)));
    }

    /** Absolute, as Connect's server answers it; behind the gateway the gateway's URL. */
    private static String location(HttpRequest<?> request, ConnectorInfo info) {
        return UriBuilder.of(ExternalUrl.of(request)).path("connectors").path(info.name()).toString();
    }
}
