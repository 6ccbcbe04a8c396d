package io.kafkarest.admin.api;

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
public class ClustersV3Controller {
    private final ClusterManager clusters;

    public ClustersV3Controller(ClusterManager clusters) {
        this.clusters = clusters;
    }

    @Get
    public CompletableFuture<V3Wire.ClusterList> list(HttpRequest<?> request) {
        V3Links links = V3Links.of(request);
        return clusters.describeCluster().thenApply(c -> new V3Wire.ClusterList("KafkaClusterList",
                new V3Wire.CollectionMetadata(links.clusters(), null), List.of(V3Wire.Cluster.of(links, c))));
    }

    @Get("/{clusterId}")
    public CompletableFuture<V3Wire.Cluster> get(String clusterId, HttpRequest<?> request) {
        return clusters.requireCluster(clusterId).thenApply(c -> V3Wire.Cluster.of(V3Links.of(request), c));
    }
}
