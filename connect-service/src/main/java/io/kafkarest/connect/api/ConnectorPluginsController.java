package io.kafkarest.connect.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kafkarest.connect.core.ConnectorPluginManager;
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
import java.util.Map;

/** {@code /connector-plugins}: installed plugins, their config definitions, and connector config validation. */
@Controller("/connector-plugins")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorPluginsController {
    private static final TypeReference<Map<String, String>> CONFIG = new TypeReference<>() { };

    private final ConnectorPluginManager plugins;

    public ConnectorPluginsController(ConnectorPluginManager plugins) {
        this.plugins = plugins;
    }

    /** The installed connector plugins (class, type, version each), or every plugin with connectorsOnly=false. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(@QueryValue(defaultValue = "true") boolean connectorsOnly) {
        return ConnectJson.ok(plugins.plugins(connectorsOnly));
    }

    @Get(value = "/{plugin}/config", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> configDefinition(@PathVariable String plugin,
                                                 @QueryValue("version") @Nullable String version) {
        return ConnectJson.ok(plugins.configDefinition(plugin, version));
    }

    /** Validates a config against the plugin: its name, error count, groups and each config's definition and value. */
    @Put(value = "/{plugin}/config/validate", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> validate(HttpRequest<?> request, @PathVariable String plugin, @Body @Nullable byte[] body) {
        Map<String, String> config = ConnectJson.read(request, body, CONFIG, "the connector config {string: string}");
        return ConnectJson.ok(plugins.validate(plugin, config));
    }
}
