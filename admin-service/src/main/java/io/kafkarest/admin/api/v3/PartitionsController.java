package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.TopicWire.Partition;
import io.kafkarest.admin.api.v3.TopicWire.PartitionWithOffsets;
import io.kafkarest.admin.api.v3.TopicWire.Replica;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.PartitionManager;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** v3 partitions of a topic, their offsets and replicas. */
@Controller("/v3/clusters/{clusterId}/topics/{topicName}/partitions")
@Produces(MediaType.APPLICATION_JSON)
public class PartitionsController {
    private final TopicManager topics;
    private final PartitionManager partitions;

    public PartitionsController(TopicManager topics, PartitionManager partitions) {
        this.topics = topics;
        this.partitions = partitions;
    }

    @Get
    public CompletableFuture<ResourceList<Partition>> list(String clusterId, String topicName, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return topics.describeTopic(topicName).thenApply(t -> ResourceList.of("KafkaPartitionList",
                links.partitions(topicName), t.partitions().stream().map(p -> Partition.of(links, clusterId, p)).toList()));
    }

    @Get("/{partitionId}")
    public CompletableFuture<Partition> get(String clusterId, String topicName, int partitionId, HttpRequest<?> request) {
        return partitions.getPartition(topicName, partitionId)
                .thenApply(p -> Partition.of(V3Links.of(request, clusterId), clusterId, p));
    }

    /** {@code offset_type}: earliest, latest or earliest_and_latest (the default). */
    @Get("/{partitionId}/offset")
    public CompletableFuture<PartitionWithOffsets> offsets(String clusterId, String topicName, int partitionId,
                                                           @Nullable @QueryValue("offset_type") String offsetType,
                                                           HttpRequest<?> request) {
        String type = offsetType == null ? "earliest_and_latest" : offsetType.toLowerCase(Locale.ROOT);
        boolean earliest = type.equals("earliest") || type.equals("earliest_and_latest");
        boolean latest = type.equals("latest") || type.equals("earliest_and_latest");
        if (!earliest && !latest) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "offset_type must be earliest, latest or earliest_and_latest, was '" + offsetType + "'.");
        }
        return partitions.offsets(topicName, partitionId).thenApply(o ->
                PartitionWithOffsets.of(V3Links.of(request, clusterId), clusterId, o, earliest, latest));
    }

    @Get("/{partitionId}/replicas")
    public CompletableFuture<ResourceList<Replica>> replicas(String clusterId, String topicName, int partitionId,
                                                             HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return partitions.getPartition(topicName, partitionId).thenApply(p -> ResourceList.of("KafkaReplicaList",
                links.replicas(topicName, partitionId), p.replicas().stream()
                        .map(r -> Replica.of(links, clusterId, topicName, partitionId, r)).toList()));
    }

    @Get("/{partitionId}/replicas/{brokerId}")
    public CompletableFuture<Replica> replica(String clusterId, String topicName, int partitionId, int brokerId,
                                              HttpRequest<?> request) {
        return partitions.getPartition(topicName, partitionId).thenApply(p -> Replica.of(
                V3Links.of(request, clusterId), clusterId, topicName, partitionId, p.replica(brokerId)));
    }
}
