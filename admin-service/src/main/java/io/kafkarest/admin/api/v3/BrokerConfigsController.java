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

/** v3 broker configs: one broker's (list, get, set, reset, batch alter) and every broker's (list). */
@Controller("/v3/clusters/{clusterId}/brokers")
@Produces(MediaType.APPLICATION_JSON)
public class BrokerConfigsController {
    private final ConfigManager configs;

    public BrokerConfigsController(ConfigManager configs) {
        this.configs = configs;
    }

    @Get("/{brokerId}/configs")
    public CompletableFuture<ResourceList<Config>> list(String clusterId, int brokerId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listConfigs(ConfigScope.broker(brokerId)).thenApply(all -> ResourceList.of(
                "KafkaBrokerConfigList", links.brokerConfigs(brokerId),
                all.stream().map(c -> Config.ofBroker(links, clusterId, brokerId, c)).toList()));
    }

    @Get("/{brokerId}/configs/{name}")
    public CompletableFuture<Config> get(String clusterId, int brokerId, String name, HttpRequest<?> request) {
        return configs.getConfig(ConfigScope.broker(brokerId), name)
                .thenApply(c -> Config.ofBroker(V3Links.of(request, clusterId), clusterId, brokerId, c));
    }

    @Put("/{brokerId}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> update(int brokerId, String name, @Body UpdateConfigRequest body) {
        return configs.alterConfigs(ConfigScope.broker(brokerId), List.of(ConfigRequests.update(name, body)), false);
    }

    @Delete("/{brokerId}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> reset(int brokerId, String name) {
        return configs.alterConfigs(ConfigScope.broker(brokerId), List.of(ConfigChange.delete(name)), false);
    }

    @Post("/{brokerId}/configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alter(int brokerId, @Body AlterConfigsRequest body) {
        List<ConfigChange> changes = ConfigRequests.toChanges(body == null ? null : body.data(), "data");
        return configs.alterConfigs(ConfigScope.broker(brokerId), changes, Boolean.TRUE.equals(body.validateOnly()));
    }

    @Get("/-/configs")
    public CompletableFuture<ResourceList<Config>> listAll(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listAllBrokerConfigs().thenApply(byBroker -> ResourceList.of("KafkaBrokerConfigList",
                links.allBrokerConfigs(), byBroker.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(c -> Config.ofBroker(links, clusterId, e.getKey(), c)))
                        .toList()));
    }
}
