package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ConsumerGroupWire.Consumer;
import io.kafkarest.admin.api.v3.ConsumerGroupWire.ConsumerAssignment;
import io.kafkarest.admin.api.v3.ConsumerGroupWire.ConsumerGroup;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ConsumerGroupInfo.Member;
import io.kafkarest.admin.core.ConsumerGroupManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.concurrent.CompletableFuture;

/** v3 consumer groups, their consumers and the consumers' partition assignments. */
@Controller("/v3/clusters/{clusterId}/consumer-groups")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumerGroupsController {
    private final ConsumerGroupManager groups;

    public ConsumerGroupsController(ConsumerGroupManager groups) {
        this.groups = groups;
    }

    @Get
    public CompletableFuture<ResourceList<ConsumerGroup>> list(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return groups.listGroups().thenApply(all -> ResourceList.of("KafkaConsumerGroupList", links.consumerGroups(),
                all.stream().map(g -> ConsumerGroup.of(links, clusterId, g)).toList()));
    }

    @Get("/{groupId}")
    public CompletableFuture<ConsumerGroup> get(String clusterId, String groupId, HttpRequest<?> request) {
        return groups.getGroup(groupId).thenApply(g -> ConsumerGroup.of(V3Links.of(request, clusterId), clusterId, g));
    }

    @Get("/{groupId}/consumers")
    public CompletableFuture<ResourceList<Consumer>> consumers(String clusterId, String groupId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return groups.getGroup(groupId).thenApply(g -> ResourceList.of("KafkaConsumerList", links.consumers(groupId),
                g.consumers().stream().map(m -> Consumer.of(links, clusterId, groupId, m)).toList()));
    }

    @Get("/{groupId}/consumers/{consumerId}")
    public CompletableFuture<Consumer> consumer(String clusterId, String groupId, String consumerId,
                                                HttpRequest<?> request) {
        return groups.getGroup(groupId).thenApply(g ->
                Consumer.of(V3Links.of(request, clusterId), clusterId, groupId, g.consumer(consumerId)));
    }

    @Get("/{groupId}/consumers/{consumerId}/assignments")
    public CompletableFuture<ResourceList<ConsumerAssignment>> assignments(String clusterId, String groupId,
                                                                           String consumerId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return groups.getGroup(groupId).thenApply(g -> {
            Member member = g.consumer(consumerId);
            return ResourceList.of("KafkaConsumerAssignmentList", links.assignments(groupId, consumerId),
                    member.assignments().stream()
                            .map(a -> ConsumerAssignment.of(links, clusterId, groupId, consumerId, a)).toList());
        });
    }

    @Get("/{groupId}/consumers/{consumerId}/assignments/{topicName}/partitions/{partitionId}")
    public CompletableFuture<ConsumerAssignment> assignment(String clusterId, String groupId, String consumerId,
                                                            String topicName, int partitionId, HttpRequest<?> request) {
        return groups.getGroup(groupId).thenApply(g -> ConsumerAssignment.of(V3Links.of(request, clusterId), clusterId,
                groupId, consumerId, g.consumer(consumerId).assignment(topicName, partitionId)));
    }
}
