package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.ClusterInfo;
import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.rest.ErrorCode;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

@Singleton
public class KafkaClusterManager implements ClusterManager {
    private final Admin admin;

    public KafkaClusterManager(Admin admin) {
        this.admin = admin;
    }

    @Override
    public CompletableFuture<ClusterInfo> describeCluster() {
        DescribeClusterResult result = admin.describeCluster();
        CompletableFuture<String> clusterId = toCompletable(result.clusterId());
        CompletableFuture<Node> controller = toCompletable(result.controller());
        CompletableFuture<Collection<Node>> nodes = toCompletable(result.nodes());
        return CompletableFuture.allOf(clusterId, controller, nodes).thenApply(done -> {
            Node node = controller.join();
            List<Integer> brokerIds = nodes.join().stream().map(Node::id).sorted().toList();
            return new ClusterInfo(clusterId.join(),
                    node == null || node.isEmpty() ? Optional.empty() : Optional.of(node.id()), brokerIds);
        });
    }

    @Override
    public CompletableFuture<ClusterInfo> requireCluster(String clusterId) {
        return describeCluster().thenApply(cluster -> {
            if (!cluster.clusterId().equals(clusterId)) {
                throw ErrorCode.NOT_FOUND.exception("Cluster " + clusterId + " cannot be found.");
            }
            return cluster;
        });
    }
}
