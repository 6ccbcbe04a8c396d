package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ConfigWire.AlterConfigsRequest;
import io.kafkarest.admin.api.v3.ConfigWire.AlterFailure;
import io.kafkarest.admin.api.v3.ConfigWire.AlterFailures;
import io.kafkarest.admin.api.v3.ConfigWire.AlterTopicsConfigsRequest;
import io.kafkarest.admin.api.v3.ConfigWire.Config;
import io.kafkarest.admin.api.v3.ConfigWire.TopicAlterEntry;
import io.kafkarest.admin.api.v3.ConfigWire.UpdateConfigRequest;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ConfigChange;
import io.kafkarest.admin.core.ConfigInfo;
import io.kafkarest.admin.core.ConfigManager;
import io.kafkarest.admin.core.ConfigScope;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import io.kafkarest.rest.UnexpectedExceptionHandler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * v3 configs of topics, brokers and the cluster-wide broker defaults. The three families have the same operations
 * (list, get, set, reset, batch alter); each route names its {@link ConfigScope} and shares the handling. Topics
 * and brokers also list every topic's / broker's configs; many topics can be altered at once.
 */
@Controller("/v3/clusters/{clusterId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigsController {
    private final ConfigManager configs;
    private final UnexpectedExceptionHandler errors;

    public ConfigsController(ConfigManager configs, UnexpectedExceptionHandler errors) {
        this.configs = configs;
        this.errors = errors;
    }

    // one topic's configs

    @Get("/topics/{topicName}/configs")
    public CompletableFuture<ResourceList<Config>> listOfTopic(String clusterId, String topicName, HttpRequest<?> request) {
        return list(ConfigScope.topic(topicName), clusterId, request);
    }

    @Get("/topics/{topicName}/configs/{name}")
    public CompletableFuture<Config> getOfTopic(String clusterId, String topicName, String name, HttpRequest<?> request) {
        return get(ConfigScope.topic(topicName), name, clusterId, request);
    }

    @Put("/topics/{topicName}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> updateOfTopic(String topicName, String name, @Body UpdateConfigRequest body) {
        return update(ConfigScope.topic(topicName), name, body);
    }

    @Delete("/topics/{topicName}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> resetOfTopic(String topicName, String name) {
        return reset(ConfigScope.topic(topicName), name);
    }

    @Post("/topics/{topicName}/configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alterOfTopic(String topicName, @Body AlterConfigsRequest body) {
        return alter(ConfigScope.topic(topicName), body);
    }

    // one broker's configs

    @Get("/brokers/{brokerId}/configs")
    public CompletableFuture<ResourceList<Config>> listOfBroker(String clusterId, int brokerId, HttpRequest<?> request) {
        return list(ConfigScope.broker(brokerId), clusterId, request);
    }

    @Get("/brokers/{brokerId}/configs/{name}")
    public CompletableFuture<Config> getOfBroker(String clusterId, int brokerId, String name, HttpRequest<?> request) {
        return get(ConfigScope.broker(brokerId), name, clusterId, request);
    }

    @Put("/brokers/{brokerId}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> updateOfBroker(int brokerId, String name, @Body UpdateConfigRequest body) {
        return update(ConfigScope.broker(brokerId), name, body);
    }

    @Delete("/brokers/{brokerId}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> resetOfBroker(int brokerId, String name) {
        return reset(ConfigScope.broker(brokerId), name);
    }

    @Post("/brokers/{brokerId}/configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alterOfBroker(int brokerId, @Body AlterConfigsRequest body) {
        return alter(ConfigScope.broker(brokerId), body);
    }

    // the cluster-wide broker defaults

    @Get("/broker-configs")
    public CompletableFuture<ResourceList<Config>> listOfCluster(String clusterId, HttpRequest<?> request) {
        return list(ConfigScope.cluster(), clusterId, request);
    }

    @Get("/broker-configs/{name}")
    public CompletableFuture<Config> getOfCluster(String clusterId, String name, HttpRequest<?> request) {
        return get(ConfigScope.cluster(), name, clusterId, request);
    }

    @Put("/broker-configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> updateOfCluster(String name, @Body UpdateConfigRequest body) {
        return update(ConfigScope.cluster(), name, body);
    }

    @Delete("/broker-configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> resetOfCluster(String name) {
        return reset(ConfigScope.cluster(), name);
    }

    @Post("/broker-configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alterOfCluster(@Body AlterConfigsRequest body) {
        return alter(ConfigScope.cluster(), body);
    }

    // every topic's and every broker's configs

    @Get("/topics/-/configs")
    public CompletableFuture<ResourceList<Config>> listOfAllTopics(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listAllTopicConfigs().thenApply(byTopic -> ResourceList.of("KafkaTopicConfigList",
                links.allTopicConfigs(), flatten(links, clusterId, byTopic, ConfigScope::topic)));
    }

    @Get("/brokers/-/configs")
    public CompletableFuture<ResourceList<Config>> listOfAllBrokers(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listAllBrokerConfigs().thenApply(byBroker -> ResourceList.of("KafkaBrokerConfigList",
                links.allBrokerConfigs(), flatten(links, clusterId, byBroker, ConfigScope::broker)));
    }

    /** 204 when every topic's changes applied; 207 with the topics whose changes failed (the others applied). */
    @Post("/topics/-/configs:alter")
    public CompletableFuture<HttpResponse<AlterFailures>> alterOfManyTopics(@Body AlterTopicsConfigsRequest body) {
        if (body == null || body.data() == null || body.data().isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("data must list at least one topic.");
        }
        Map<String, List<ConfigChange>> changesByTopic = new LinkedHashMap<>();
        for (int i = 0; i < body.data().size(); i++) {
            TopicAlterEntry entry = body.data().get(i);
            if (entry == null || entry.topicName() == null || entry.topicName().isBlank()) {
                throw ErrorCode.BAD_REQUEST.exception("data[" + i + "].topic_name is required.");
            }
            List<ConfigChange> changes = ConfigRequests.toChanges(entry.configs(), "data[" + i + "].configs");
            if (changesByTopic.put(entry.topicName(), changes) != null) {
                throw ErrorCode.BAD_REQUEST.exception("data[" + i + "]: topic '" + entry.topicName() + "' is listed twice.");
            }
        }
        return configs.alterTopicConfigs(changesByTopic, Boolean.TRUE.equals(body.validateOnly()))
                .thenApply(failures -> {
                    if (failures.isEmpty()) {
                        return HttpResponse.<AlterFailures>noContent();
                    }
                    List<AlterFailure> entries = failures.entrySet().stream().map(e -> {
                        RestException error = errors.toRestException(e.getValue());
                        return new AlterFailure(e.getKey(), error.errorCode().code(), error.getMessage());
                    }).toList();
                    return HttpResponse.status(HttpStatus.MULTI_STATUS).body(new AlterFailures(entries));
                });
    }

    private CompletableFuture<ResourceList<Config>> list(ConfigScope scope, String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listConfigs(scope).thenApply(all -> ResourceList.of(Config.kindOf(scope) + "List",
                links.configs(scope), all.stream().map(c -> Config.of(links, clusterId, scope, c)).toList()));
    }

    private CompletableFuture<Config> get(ConfigScope scope, String name, String clusterId, HttpRequest<?> request) {
        return configs.getConfig(scope, name).thenApply(c -> Config.of(V3Links.of(request, clusterId), clusterId, scope, c));
    }

    private CompletableFuture<Void> update(ConfigScope scope, String name, UpdateConfigRequest body) {
        return configs.alterConfigs(scope, List.of(ConfigRequests.update(name, body)), false);
    }

    private CompletableFuture<Void> reset(ConfigScope scope, String name) {
        return configs.alterConfigs(scope, List.of(ConfigChange.delete(name)), false);
    }

    private CompletableFuture<Void> alter(ConfigScope scope, AlterConfigsRequest body) {
        List<ConfigChange> changes = ConfigRequests.toChanges(body == null ? null : body.data(), "data");
        return configs.alterConfigs(scope, changes, Boolean.TRUE.equals(body.validateOnly()));
    }

    private static <K> List<Config> flatten(V3Links links, String clusterId, Map<K, List<ConfigInfo>> byOwner,
                                            Function<K, ConfigScope> scopeOf) {
        return byOwner.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(c -> Config.of(links, clusterId, scopeOf.apply(e.getKey()), c)))
                .toList();
    }
}
