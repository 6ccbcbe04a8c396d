package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.TopicWire.ReassignmentData;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.PartitionManager;
import io.kafkarest.admin.core.PartitionManager.Reassignment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** v3 ongoing partition reassignments: of the cluster, of a topic, of a partition. */
@Controller("/v3/clusters/{clusterId}/topics")
@Produces(MediaType.APPLICATION_JSON)
public class ReassignmentsController {
    private final PartitionManager partitions;

    public ReassignmentsController(PartitionManager partitions) {
        this.partitions = partitions;
    }

    @Get("/-/partitions/-/reassignment")
    public CompletableFuture<ResourceList<ReassignmentData>> listAll(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return partitions.listReassignments(Optional.empty())
                .thenApply(all -> list(links, clusterId, links.allReassignments(), all));
    }

    @Get("/{topicName}/partitions/-/reassignment")
    public CompletableFuture<ResourceList<ReassignmentData>> listOfTopic(String clusterId, String topicName,
                                                                         HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return partitions.listReassignments(Optional.of(topicName))
                .thenApply(all -> list(links, clusterId, links.topicReassignments(topicName), all));
    }

    @Get("/{topicName}/partitions/{partitionId}/reassignment")
    public CompletableFuture<ReassignmentData> get(String clusterId, String topicName, int partitionId,
                                                   HttpRequest<?> request) {
        return partitions.getReassignment(topicName, partitionId)
                .thenApply(r -> ReassignmentData.of(V3Links.of(request, clusterId), clusterId, r));
    }

    private static ResourceList<ReassignmentData> list(V3Links links, String clusterId, String self,
                                                       List<Reassignment> reassignments) {
        return ResourceList.of("KafkaReassignmentList", self,
                reassignments.stream().map(r -> ReassignmentData.of(links, clusterId, r)).toList());
    }
}
