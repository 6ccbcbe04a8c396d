package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ClusterWire.Broker;
import io.kafkarest.admin.api.v3.TopicWire.Replica;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.admin.core.PartitionManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.concurrent.CompletableFuture;

/** v3 brokers of a cluster and the partition replicas each one hosts. */
@Controller("/v3/clusters/{clusterId}/brokers")
@Produces(MediaType.APPLICATION_JSON)
public class BrokersController {
    private final ClusterManager cluster;
    private final PartitionManager partitions;

    public BrokersController(ClusterManager cluster, PartitionManager partitions) {
        this.cluster = cluster;
        this.partitions = partitions;
    }

    @Get
    public CompletableFuture<ResourceList<Broker>> list(String clusterId, HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return cluster.listBrokers().thenApply(brokers -> ResourceList.of("KafkaBrokerList", links.brokers(),
                brokers.stream().map(b -> Broker.of(links, clusterId, b)).toList()));
    }

    @Get("/{brokerId}")
    public CompletableFuture<Broker> get(String clusterId, int brokerId, HttpRequest<?> request) {
        return cluster.getBroker(brokerId).thenApply(b -> Broker.of(V3Links.of(request, clusterId), clusterId, b));
    }

    @Get("/{brokerId}/partition-replicas")
    public CompletableFuture<ResourceList<Replica>> partitionReplicas(String clusterId, int brokerId,
                                                                      HttpRequest<?> request) {
        V3Links links = V3Links.of(request, clusterId);
        return partitions.replicasOnBroker(brokerId).thenApply(replicas -> ResourceList.of("KafkaReplicaList",
                links.partitionReplicas(brokerId), replicas.stream()
                        .map(r -> Replica.of(links, clusterId, r.topic(), r.partition(), r.replica())).toList()));
    }
}
