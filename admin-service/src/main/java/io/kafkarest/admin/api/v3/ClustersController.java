package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.api.v3.ClusterWire.Cluster;
import io.kafkarest.admin.api.v3.V3Wire.ResourceList;
import io.kafkarest.admin.core.ClusterManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** v3 {@code /v3/clusters}: the one cluster this service administers. */
@Controller("/v3/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClustersController {
    private final ClusterManager cluster;

    public ClustersController(ClusterManager cluster) {
        this.cluster = cluster;
    }

    @Get
    public CompletableFuture<ResourceList<Cluster>> list(HttpRequest<?> request) {
        return cluster.describeCluster().thenApply(c -> ResourceList.of("KafkaClusterList",
                V3Links.clusters(request), List.of(Cluster.of(V3Links.of(request, c.clusterId()), c))));
    }

    @Get("/{clusterId}")
    public CompletableFuture<Cluster> get(String clusterId, HttpRequest<?> request) {
        return cluster.describeCluster().thenApply(c -> Cluster.of(V3Links.of(request, clusterId), c));
    }
}
