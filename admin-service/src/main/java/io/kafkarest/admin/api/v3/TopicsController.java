package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.TopicWire.CreateTopicRequest;
import io.kafkarest.admin.api.v3.TopicWire.Topic;
import io.kafkarest.admin.api.v3.TopicWire.UpdatePartitionCountRequest;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.NewTopicSpec;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.rest.ErrorCode;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** v3 topics of a cluster: list, get, create (or only validate), raise the partition count, delete. */
@Controller("/v3/clusters/{clusterId}/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicsController {
    private final TopicManager topics;

    public TopicsController(TopicManager topics) {
        this.topics = topics;
    }

    /** Confluent's proxy reads {@code includeAuthorizedOperations}; its API spec says {@code include_authorized_operations}. */
    @Get
    public CompletableFuture<ResourceList<Topic>> list(String clusterId,
                                                       @Nullable @QueryValue Boolean includeAuthorizedOperations,
                                                       @Nullable @QueryValue("include_authorized_operations") Boolean includeOperations,
                                                       HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return topics.listTopics(either(includeAuthorizedOperations, includeOperations))
                .thenApply(all -> ResourceList.of("KafkaTopicList", links.topics(),
                        all.stream().map(t -> Topic.of(links, clusterId, t.summary())).toList()));
    }

    @Get("/{topicName}")
    public CompletableFuture<Topic> get(String clusterId, String topicName,
                                        @Nullable @QueryValue Boolean includeAuthorizedOperations,
                                        @Nullable @QueryValue("include_authorized_operations") Boolean includeOperations,
                                        HttpRequest<?> request) {
        return topics.describeTopic(topicName, either(includeAuthorizedOperations, includeOperations))
                .thenApply(t -> Topic.of(V3Links.of(request, clusterId), clusterId, t.summary()));
    }

    /** 201 with the topic and its Location; with {@code validate_only}, 200 with the topic that would be created. */
    @Post
    public CompletableFuture<HttpResponse<Topic>> create(String clusterId, @Body CreateTopicRequest body,
                                                         HttpRequest<?> request) {
        NewTopicSpec spec = toSpec(body);
        V3Links links = V3Links.of(request, clusterId);
        return topics.createTopic(spec).thenApply(t -> {
            Topic topic = Topic.of(links, clusterId, t);
            return spec.validateOnly() ? HttpResponse.ok(topic)
                    : HttpResponse.created(topic, URI.create(topic.metadata().self()));
        });
    }

    @Patch("/{topicName}")
    public CompletableFuture<Topic> updatePartitionCount(String clusterId, String topicName,
                                                         @Body UpdatePartitionCountRequest body,
                                                         HttpRequest<?> request) {
        if (body == null || body.partitionsCount() == null) {
            throw ErrorCode.BAD_REQUEST.exception("partitions_count is required.");
        }
        return topics.increasePartitions(topicName, body.partitionsCount())
                .thenApply(t -> Topic.of(V3Links.of(request, clusterId), clusterId, t));
    }

    @Delete("/{topicName}")
    @Status(HttpStatus.NO_CONTENT)
    public CompletableFuture<Void> delete(String clusterId, String topicName) {
        return topics.deleteTopic(topicName);
    }

    private static boolean either(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }

    static NewTopicSpec toSpec(CreateTopicRequest body) {
        if (body == null || body.topicName() == null || body.topicName().isBlank()) {
            throw ErrorCode.BAD_REQUEST.exception("topic_name is required.");
        }
        if (body.partitionsCount() != null && body.partitionsCount() < 1) {
            throw ErrorCode.BAD_REQUEST.exception("partitions_count must be at least 1, was " + body.partitionsCount() + ".");
        }
        if (body.replicationFactor() != null && body.replicationFactor() < 1) {
            throw ErrorCode.BAD_REQUEST.exception("replication_factor must be at least 1, was " + body.replicationFactor() + ".");
        }
        Map<Integer, List<Integer>> assignments = toAssignments(body.replicasAssignments());
        if (!assignments.isEmpty() && (body.partitionsCount() != null || body.replicationFactor() != null)) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "replicas_assignments cannot be combined with partitions_count or replication_factor.");
        }
        return new NewTopicSpec(body.topicName(), Optional.ofNullable(body.partitionsCount()),
                Optional.ofNullable(body.replicationFactor()), assignments,
                ConfigRequests.toConfigMap(body.configs(), "configs"), Boolean.TRUE.equals(body.validateOnly()));
    }

    private static Map<Integer, List<Integer>> toAssignments(List<TopicWire.ReplicasAssignment> entries) {
        Map<Integer, List<Integer>> assignments = new LinkedHashMap<>();
        List<TopicWire.ReplicasAssignment> list = entries == null ? List.of() : entries;
        for (int i = 0; i < list.size(); i++) {
            TopicWire.ReplicasAssignment a = list.get(i);
            if (a == null || a.partitionId() == null || a.brokerIds() == null || a.brokerIds().isEmpty()) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "replicas_assignments[" + i + "] needs a partition_id and at least one of broker_ids.");
            }
            if (assignments.put(a.partitionId(), List.copyOf(a.brokerIds())) != null) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "replicas_assignments[" + i + "]: partition " + a.partitionId() + " is assigned twice.");
            }
        }
        return assignments;
    }
}
