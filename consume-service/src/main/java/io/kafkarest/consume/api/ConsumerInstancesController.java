package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerInstance;
import io.kafkarest.consume.core.ConsumerManager;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Consumer instance lifecycle and subscription (v1 and v2). */
@Controller("/consumers")
@Consumes({
    KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON,
    KafkaMediaType.BINARY_V2, KafkaMediaType.JSON_V2, KafkaMediaType.AVRO_V2, KafkaMediaType.JSONSCHEMA_V2,
    KafkaMediaType.PROTOBUF_V2, KafkaMediaType.BINARY_V1, KafkaMediaType.JSON_V1, KafkaMediaType.AVRO_V1
})
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class ConsumerInstancesController {
    private final ConsumerManager manager;
    private final ConsumerSettingsParser settingsParser;
    private final NodeUrl nodeUrl;

    ConsumerInstancesController(ConsumerManager manager, ConsumerSettingsParser settingsParser, NodeUrl nodeUrl) {
        this.manager = manager;
        this.settingsParser = settingsParser;
        this.nodeUrl = nodeUrl;
    }

    @Post("/{group}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<CreateConsumerResponse> create(HttpRequest<?> request, String group,
                                                @Nullable @Body Map<String, Object> body) {
        CreateConsumerRequest create = CreateConsumerRequest.of(body);
        ConsumerInstance instance = manager.create(group, Optional.ofNullable(create.instanceName()),
                settingsParser.parse(create, ConsumerMediaTypes.apiVersion(request)));
        return Responses.ok(request,
                new CreateConsumerResponse(instance.id().instance(), nodeUrl.instanceUri(instance.id())));
    }

    @Delete("/{group}/instances/{instance}")
    CompletableFuture<HttpResponse<Void>> delete(String group, String instance) {
        return manager.delete(group, instance).thenApply(v -> HttpResponse.noContent());
    }

    @Post("/{group}/instances/{instance}/subscription")
    CompletableFuture<HttpResponse<Void>> subscribe(String group, String instance,
                                                    @Nullable @Body SubscriptionRequest body) {
        return manager.get(group, instance).subscribe(RequestBodies.subscription(body))
                .thenApply(v -> HttpResponse.noContent());
    }

    @Get("/{group}/instances/{instance}/subscription")
    CompletableFuture<HttpResponse<SubscriptionResponse>> subscription(HttpRequest<?> request, String group,
                                                                       String instance) {
        return manager.get(group, instance).subscription()
                .thenApply(topics -> Responses.ok(request, new SubscriptionResponse(topics)));
    }

    @Delete("/{group}/instances/{instance}/subscription")
    CompletableFuture<HttpResponse<Void>> unsubscribe(String group, String instance) {
        return manager.get(group, instance).unsubscribe().thenApply(v -> HttpResponse.noContent());
    }
}
