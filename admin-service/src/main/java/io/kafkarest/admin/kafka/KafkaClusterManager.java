package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.AdminException;
import io.kafkarest.admin.core.BrokerInfo;
import io.kafkarest.admin.core.ClusterInfo;
import io.kafkarest.admin.core.ClusterManager;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * The cluster through the shared {@link Admin} client. The cluster id never changes for a bootstrap address, so it
 * is fetched once: checking the id in every v3 path costs no round trip.
 */
@Singleton
public class KafkaClusterManager implements ClusterManager {
    private final Admin admin;
    private volatile String knownClusterId;

    public KafkaClusterManager(Admin admin) {
        this.admin = admin;
    }

    @Override
    public CompletableFuture<ClusterInfo> describeCluster() {
        DescribeClusterResult result = admin.describeCluster();
        CompletableFuture<String> clusterId = toCompletable(result.clusterId());
        CompletableFuture<Node> controller = toCompletable(result.controller());
        return clusterId.thenCombine(controller, (id, node) -> {
            knownClusterId = id;
            return new ClusterInfo(id, node == null || node.isEmpty() ? Optional.empty() : Optional.of(node.id()));
        });
    }

    @Override
    public CompletableFuture<Void> requireCluster(String clusterId) {
        return clusterId().thenAccept(id -> {
            if (!id.equals(clusterId)) {
                throw AdminException.clusterNotFound(clusterId);
            }
        });
    }

    @Override
    public CompletableFuture<List<BrokerInfo>> listBrokers() {
        return toCompletable(admin.describeCluster().nodes()).thenApply(KafkaClusterManager::toBrokers);
    }

    @Override
    public CompletableFuture<BrokerInfo> getBroker(int brokerId) {
        return listBrokers().thenApply(brokers -> brokers.stream().filter(b -> b.id() == brokerId).findFirst()
                .orElseThrow(() -> AdminException.notFound("Broker " + brokerId)));
    }

    private CompletableFuture<String> clusterId() {
        String id = knownClusterId;
        if (id != null) {
            return CompletableFuture.completedFuture(id);
        }
        return toCompletable(admin.describeCluster().clusterId()).thenApply(fetched -> {
            knownClusterId = fetched;
            return fetched;
        });
    }

    private static List<BrokerInfo> toBrokers(Collection<Node> nodes) {
        return nodes.stream()
                .sorted(Comparator.comparingInt(Node::id))
                .map(n -> new BrokerInfo(n.id(), n.host(), n.port(), Optional.ofNullable(n.rack())))
                .toList();
    }
}
