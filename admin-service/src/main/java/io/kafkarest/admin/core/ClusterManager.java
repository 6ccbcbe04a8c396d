package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The cluster and its brokers. */
public interface ClusterManager {
    CompletableFuture<ClusterInfo> describeCluster();

    /** Completes when {@code clusterId} is this cluster's id; otherwise fails with {@link AdminException}. */
    CompletableFuture<Void> requireCluster(String clusterId);

    /** The live brokers, by id. */
    CompletableFuture<List<BrokerInfo>> listBrokers();

    /** The broker, or a not-found {@link AdminException}. */
    CompletableFuture<BrokerInfo> getBroker(int brokerId);
}
