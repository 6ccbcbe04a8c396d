package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ConfigWire.AlterConfigsRequest;
import io.kafkarest.admin.api.v3.ConfigWire.Config;
import io.kafkarest.admin.api.v3.ConfigWire.UpdateConfigRequest;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ConfigChange;
import io.kafkarest.admin.core.ConfigManager;
import io.kafkarest.admin.core.ConfigScope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** v3 cluster-wide broker configs (the dynamic defaults of every broker): list, get, set, reset, batch alter. */
@Controller("/v3/clusters/{clusterId}")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterConfigsController {
    private final ConfigManager configs;

    public ClusterConfigsController(ConfigManager configs) {
        this.configs = configs;
    }

    @Get("/broker-configs")
    public CompletableFuture<ResourceList<Config>> list(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listConfigs(ConfigScope.cluster()).thenApply(all -> ResourceList.of("KafkaClusterConfigList",
                links.clusterConfigs(), all.stream().map(c -> Config.ofCluster(links, clusterId, c)).toList()));
    }

    @Get("/broker-configs/{name}")
    public CompletableFuture<Config> get(String clusterId, String name, HttpRequest<?> request) {
        return configs.getConfig(ConfigScope.cluster(), name)
                .thenApply(c -> Config.ofCluster(V3Links.of(request, clusterId), clusterId, c));
    }

    @Put("/broker-configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> update(String name, @Body UpdateConfigRequest body) {
        return configs.alterConfigs(ConfigScope.cluster(), List.of(ConfigRequests.update(name, body)), false);
    }

    @Delete("/broker-configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> reset(String name) {
        return configs.alterConfigs(ConfigScope.cluster(), List.of(ConfigChange.delete(name)), false);
    }

    @Post("/broker-configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alter(@Body AlterConfigsRequest body) {
        List<ConfigChange> changes = ConfigRequests.toChanges(body == null ? null : body.data(), "data");
        return configs.alterConfigs(ConfigScope.cluster(), changes, Boolean.TRUE.equals(body.validateOnly()));
    }
}
