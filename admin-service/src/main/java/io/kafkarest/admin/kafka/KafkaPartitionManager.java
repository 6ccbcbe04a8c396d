package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.forTopic;
import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.AdminException;
import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.admin.core.PartitionManager;
import io.kafkarest.admin.core.PartitionOffsets;
import io.kafkarest.admin.core.TopicInfo;
import io.kafkarest.admin.core.TopicInfo.PartitionInfo;
import io.kafkarest.admin.core.TopicManager;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions through the shared {@link Admin} client. Every call first describes the topic, so an unknown topic or
 * partition answers at once (Kafka's offset lookups would otherwise wait for metadata that never comes).
 */
@Singleton
public class KafkaPartitionManager implements PartitionManager {
    private final Admin admin;
    private final TopicManager topics;
    private final ClusterManager cluster;

    public KafkaPartitionManager(Admin admin, TopicManager topics, ClusterManager cluster) {
        this.admin = admin;
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<PartitionInfo> getPartition(String topic, int partition) {
        return topics.describeTopic(topic).thenApply(t -> t.partition(partition));
    }

    @Override
    public CompletableFuture<PartitionOffsets> offsets(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        return getPartition(topic, partition).thenCompose(p -> {
            ListOffsetsResult earliest = admin.listOffsets(Map.of(tp, OffsetSpec.earliest()));
            ListOffsetsResult latest = admin.listOffsets(Map.of(tp, OffsetSpec.latest()));
            CompletableFuture<ListOffsetsResultInfo> first = forTopic(earliest.partitionResult(tp), topic);
            CompletableFuture<ListOffsetsResultInfo> last = forTopic(latest.partitionResult(tp), topic);
            return first.thenCombine(last, (e, l) -> new PartitionOffsets(topic, partition, e.offset(), l.offset()));
        });
    }

    @Override
    public CompletableFuture<List<ReplicaOnBroker>> replicasOnBroker(int brokerId) {
        return cluster.getBroker(brokerId)
                .thenCompose(broker -> topics.listTopics(false))
                .thenApply(all -> all.stream()
                        .flatMap(t -> t.partitions().stream())
                        .flatMap(p -> p.replicas().stream()
                                .filter(r -> r.broker() == brokerId)
                                .map(r -> new ReplicaOnBroker(p.topic(), p.partition(), r)))
                        .toList());
    }

    @Override
    public CompletableFuture<List<Reassignment>> listReassignments(Optional<String> topic) {
        CompletableFuture<Optional<TopicInfo>> checked = topic.isPresent()
                ? topics.describeTopic(topic.get()).thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.empty());
        return checked.thenCompose(t -> toCompletable(admin.listPartitionReassignments().reassignments()))
                .thenApply(all -> all.entrySet().stream()
                        .filter(e -> topic.isEmpty() || e.getKey().topic().equals(topic.get()))
                        .map(e -> toReassignment(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing(Reassignment::topic).thenComparingInt(Reassignment::partition))
                        .toList());
    }

    @Override
    public CompletableFuture<Reassignment> getReassignment(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        return getPartition(topic, partition)
                .thenCompose(p -> forTopic(admin.listPartitionReassignments(Set.of(tp)).reassignments(), topic))
                .thenApply(found -> Optional.ofNullable(found.get(tp))
                        .map(r -> toReassignment(tp, r))
                        .orElseThrow(() -> AdminException.notFound("Ongoing reassignment of partition " + partition
                                + " of topic '" + topic + "'")));
    }

    private static Reassignment toReassignment(TopicPartition tp, PartitionReassignment r) {
        return new Reassignment(tp.topic(), tp.partition(), List.copyOf(r.replicas()),
                List.copyOf(r.addingReplicas()), List.copyOf(r.removingReplicas()));
    }
}
