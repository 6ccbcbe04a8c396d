package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ConsumerGroupWire.Lag;
import io.kafkarest.admin.api.v3.ConsumerGroupWire.LagSummary;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ConsumerLagManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.concurrent.CompletableFuture;

/** v3 consumer lag of a group: per partition, one partition, and the summary (largest and total lag). */
@Controller("/v3/clusters/{clusterId}/consumer-groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumerLagsController {
    private final ConsumerLagManager lags;

    public ConsumerLagsController(ConsumerLagManager lags) {
        this.lags = lags;
    }

    @Get("/lags")
    public CompletableFuture<ResourceList<Lag>> list(String clusterId, String groupId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return lags.listLags(groupId).thenApply(all -> ResourceList.of("KafkaConsumerLagList", links.lags(groupId),
                all.stream().map(l -> Lag.of(links, clusterId, l)).toList()));
    }

    @Get("/lags/{topicName}/partitions/{partitionId}")
    public CompletableFuture<Lag> get(String clusterId, String groupId, String topicName, int partitionId,
                                      HttpRequest<?> request) {
        return lags.getLag(groupId, topicName, partitionId).thenApply(l -> Lag.of(V3Links.of(request, clusterId), clusterId, l));
    }

    @Get("/lag-summary")
    public CompletableFuture<LagSummary> summary(String clusterId, String groupId, HttpRequest<?> request) {
        return lags.summarize(groupId).thenApply(s -> LagSummary.of(V3Links.of(request, clusterId), clusterId, groupId, s));
    }
}
