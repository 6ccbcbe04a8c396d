package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.core.ClusterManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.concurrent.CompletableFuture;

/**
 * Every v3 path names a cluster: one that is not this cluster's answers 404 before any controller runs, so the
 * controllers need not check it. The cluster id is known after the first call, so the check costs no round trip.
 * A failed check fails the request, and the error pipeline answers it like any other failure.
 */
@ServerFilter({"/v3/clusters/*", "/v3/clusters/*/**"})
public class ClusterIdFilter {
    private final ClusterManager cluster;

    public ClusterIdFilter(ClusterManager cluster) {
        this.cluster = cluster;
    }

    @RequestFilter
    public CompletableFuture<HttpRequest<?>> requireThisCluster(HttpRequest<?> request) {
        String[] segments = request.getPath().split("/");
        // "", "v3", "clusters", "{clusterId}", ...
        if (segments.length < 4 || segments[3].isEmpty()) {
            return CompletableFuture.completedFuture(request);
        }
        return cluster.requireCluster(segments[3]).thenApply(ok -> request);
    }
}
