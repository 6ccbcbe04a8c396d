package io.kafkarest.admin.api;

import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.admin.core.NewTopicSpec;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.rest.ErrorCode;
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
import io.micronaut.http.annotation.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** v3 topics of a cluster: list, get, create, delete. */
@Controller("/v3/clusters/{clusterId}/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicsV3Controller {
    private final ClusterManager clusters;
    private final TopicManager topics;

    public TopicsV3Controller(ClusterManager clusters, TopicManager topics) {
        this.clusters = clusters;
        this.topics = topics;
    }

    @Get
    public CompletableFuture<V3Wire.TopicList> list(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request);
        return clusters.requireCluster(clusterId)
                .thenCompose(c -> topics.listTopics())
                .thenApply(all -> new V3Wire.TopicList("KafkaTopicList",
                        new V3Wire.CollectionMetadata(links.topics(clusterId), null),
                        all.stream().map(t -> V3Wire.Topic.of(links, clusterId, t.summary())).toList()));
    }

    @Get("/{topicName}")
    public CompletableFuture<V3Wire.Topic> get(String clusterId, String topicName, HttpRequest<?> request) {
        return clusters.requireCluster(clusterId)
                .thenCompose(c -> topics.describeTopic(topicName))
                .thenApply(t -> V3Wire.Topic.of(V3Links.of(request), clusterId, t.summary()));
    }

    @Post
    public CompletableFuture<HttpResponse<V3Wire.Topic>> create(String clusterId,
                                                                @Body V3Wire.CreateTopicRequest body,
                                                                HttpRequest<?> request) {
        NewTopicSpec spec = toSpec(body);
        V3Links links = V3Links.of(request);
        return clusters.requireCluster(clusterId)
                .thenCompose(c -> topics.createTopic(spec))
                .thenApply(t -> HttpResponse.status(HttpStatus.CREATED)
                        .body(V3Wire.Topic.of(links, clusterId, t)));
    }

    @Delete("/{topicName}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> delete(String clusterId, String topicName) {
        return clusters.requireCluster(clusterId).thenCompose(c -> topics.deleteTopic(topicName));
    }

    static NewTopicSpec toSpec(V3Wire.CreateTopicRequest body) {
        if (body == null || body.topicName() == null || body.topicName().isBlank()) {
            throw ErrorCode.BAD_REQUEST.exception("topic_name is required.");
        }
        if (body.partitionsCount() != null && body.partitionsCount() < 1) {
            throw ErrorCode.BAD_REQUEST.exception("partitions_count must be at least 1, was " + body.partitionsCount() + ".");
        }
        if (body.replicationFactor() != null && body.replicationFactor() < 1) {
            throw ErrorCode.BAD_REQUEST.exception("replication_factor must be at least 1, was " + body.replicationFactor() + ".");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (V3Wire.ConfigEntry entry : Optional.ofNullable(body.configs()).orElse(List.of())) {
            if (entry == null || entry.name() == null || entry.name().isBlank()) {
                throw ErrorCode.BAD_REQUEST.exception("configs[].name is required.");
            }
            configs.put(entry.name(), entry.value());
        }
        return new NewTopicSpec(body.topicName(), Optional.ofNullable(body.partitionsCount()),
                Optional.ofNullable(body.replicationFactor()), configs, Boolean.TRUE.equals(body.validateOnly()));
    }
}
