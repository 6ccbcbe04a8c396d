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

/** v3 topic configs: one topic's (list, get, set, reset, batch alter) and every topic's (list, batch alter). */
@Controller("/v3/clusters/{clusterId}/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicConfigsController {
    private final ConfigManager configs;
    private final UnexpectedExceptionHandler errors;

    public TopicConfigsController(ConfigManager configs, UnexpectedExceptionHandler errors) {
        this.configs = configs;
        this.errors = errors;
    }

    @Get("/{topicName}/configs")
    public CompletableFuture<ResourceList<Config>> list(String clusterId, String topicName, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listConfigs(ConfigScope.topic(topicName)).thenApply(all -> ResourceList.of(
                "KafkaTopicConfigList", links.topicConfigs(topicName),
                all.stream().map(c -> Config.ofTopic(links, clusterId, topicName, c)).toList()));
    }

    @Get("/{topicName}/configs/{name}")
    public CompletableFuture<Config> get(String clusterId, String topicName, String name, HttpRequest<?> request) {
        return configs.getConfig(ConfigScope.topic(topicName), name)
                .thenApply(c -> Config.ofTopic(V3Links.of(request, clusterId), clusterId, topicName, c));
    }

    @Put("/{topicName}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> update(String topicName, String name, @Body UpdateConfigRequest body) {
        return configs.alterConfigs(ConfigScope.topic(topicName), List.of(ConfigRequests.update(name, body)), false);
    }

    @Delete("/{topicName}/configs/{name}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> reset(String topicName, String name) {
        return configs.alterConfigs(ConfigScope.topic(topicName), List.of(ConfigChange.delete(name)), false);
    }

    @Post("/{topicName}/configs:alter")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> alter(String topicName, @Body AlterConfigsRequest body) {
        List<ConfigChange> changes = ConfigRequests.toChanges(body == null ? null : body.data(), "data");
        return configs.alterConfigs(ConfigScope.topic(topicName), changes, Boolean.TRUE.equals(body.validateOnly()));
    }

    @Get("/-/configs")
    public CompletableFuture<ResourceList<Config>> listAll(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return configs.listAllTopicConfigs().thenApply(byTopic -> ResourceList.of("KafkaTopicConfigList",
                links.allTopicConfigs(), byTopic.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(c -> Config.ofTopic(links, clusterId, e.getKey(), c)))
                        .toList()));
    }

    /** 204 when every topic's changes applied; 207 with the topics whose changes failed (the others applied). */
    @Post("/-/configs:alter")
    public CompletableFuture<HttpResponse<AlterFailures>> alterMany(@Body AlterTopicsConfigsRequest body) {
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
}
