package io.kafkarest.admin.core;

import java.util.concurrent.CompletableFuture;

/** Cluster-level metadata. */
public interface ClusterManager {
    CompletableFuture<ClusterInfo> describeCluster();

    /** The cluster if its id is {@code clusterId}; otherwise fails with 404. */
    CompletableFuture<ClusterInfo> requireCluster(String clusterId);
}
