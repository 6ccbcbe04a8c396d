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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Offsets, positions and manual assignment of a consumer instance (commit: v1 and v2; the rest: v2). */
@Controller("/consumers/{group}/instances/{instance}")
@Consumes({
    KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON,
    KafkaMediaType.BINARY_V2, KafkaMediaType.JSON_V2, KafkaMediaType.AVRO_V2, KafkaMediaType.JSONSCHEMA_V2,
    KafkaMediaType.PROTOBUF_V2, KafkaMediaType.BINARY_V1, KafkaMediaType.JSON_V1, KafkaMediaType.AVRO_V1
})
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class ConsumerOffsetsController {
    private final ConsumerManager manager;

    ConsumerOffsetsController(ConsumerManager manager) {
        this.manager = manager;
    }

    /**
     * Commits the given offsets (each the last record processed; Kafka stores offset + 1), or without offsets
     * the positions of everything read so far. Answers what was committed.
     */
    @Post("/offsets")
    CompletableFuture<HttpResponse<List<CommittedOffsetJson>>> commit(HttpRequest<?> request, String group,
                                                                      String instance,
                                                                      @Nullable @Body OffsetsJson body) {
        return manager.get(group, instance).commit(RequestBodies.offsetsToCommit(body))
                .thenApply(committed -> Responses.ok(request, committed.stream()
                        .map(o -> new CommittedOffsetJson(o.topic(), o.partition(), o.offset(), o.offset()))
                        .toList()));
    }

    /** The group's committed offsets of the given partitions (of all assigned partitions without a body). */
    @Get("/offsets")
    CompletableFuture<HttpResponse<OffsetsJson>> committed(HttpRequest<?> request, String group, String instance,
                                                           @Nullable @Body PartitionsJson body) {
        return manager.get(group, instance).committed(RequestBodies.partitions(body, false))
                .thenApply(offsets -> Responses.ok(request, new OffsetsJson(offsets.stream()
                        .map(o -> new TopicPartitionOffsetJson(o.topic(), o.partition(), o.offset(),
                                o.metadata() == null ? "" : o.metadata()))
                        .toList())));
    }

    /** Seeks to offsets, or to the first record at or after timestamps. */
    @Post("/positions")
    CompletableFuture<HttpResponse<Void>> seek(String group, String instance, @Nullable @Body SeekRequest body) {
        ConsumerInstance consumer = manager.get(group, instance);
        CompletableFuture<Void> seek = RequestBodies.seeksByTimestamp(body)
                ? consumer.seekToTimestamps(RequestBodies.seekTimestamps(body))
                : consumer.seek(RequestBodies.seekPositions(body));
        return seek.thenApply(v -> HttpResponse.noContent());
    }

    @Post("/positions/beginning")
    CompletableFuture<HttpResponse<Void>> seekToBeginning(String group, String instance,
                                                          @Nullable @Body PartitionsJson body) {
        return manager.get(group, instance).seekToBeginning(RequestBodies.partitions(body, true))
                .thenApply(v -> HttpResponse.noContent());
    }

    @Post("/positions/end")
    CompletableFuture<HttpResponse<Void>> seekToEnd(String group, String instance,
                                                    @Nullable @Body PartitionsJson body) {
        return manager.get(group, instance).seekToEnd(RequestBodies.partitions(body, true))
                .thenApply(v -> HttpResponse.noContent());
    }

    @Post("/assignments")
    CompletableFuture<HttpResponse<Void>> assign(String group, String instance, @Nullable @Body PartitionsJson body) {
        return manager.get(group, instance).assign(RequestBodies.partitions(body, true))
                .thenApply(v -> HttpResponse.noContent());
    }

    @Get("/assignments")
    CompletableFuture<HttpResponse<PartitionsJson>> assignment(HttpRequest<?> request, String group,
                                                               String instance) {
        return manager.get(group, instance).assignment()
                .thenApply(partitions -> Responses.ok(request, new PartitionsJson(partitions.stream()
                        .map(p -> new TopicPartitionJson(p.topic(), p.partition()))
                        .toList())));
    }
}
