package io.kafkarest.admin.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Partitions, their replicas, offsets and ongoing reassignments. */
public interface PartitionManager {
    /** The partition, or a topic- or partition-not-found {@link AdminException}. */
    CompletableFuture<TopicInfo.PartitionInfo> getPartition(String topic, int partition);

    CompletableFuture<PartitionOffsets> offsets(String topic, int partition);

    /** Every partition replica that lives on the broker (the broker must exist). */
    CompletableFuture<List<ReplicaOnBroker>> replicasOnBroker(int brokerId);

    /** Ongoing reassignments, all of them or those of one topic (which must exist), by topic and partition. */
    CompletableFuture<List<Reassignment>> listReassignments(Optional<String> topic);

    /** The ongoing reassignment of the partition, or a not-found {@link AdminException}. */
    CompletableFuture<Reassignment> getReassignment(String topic, int partition);

    record ReplicaOnBroker(String topic, int partition, TopicInfo.ReplicaInfo replica) {
    }

    /** An ongoing reassignment: the target replicas and the ones being added and removed. */
    record Reassignment(String topic, int partition, List<Integer> replicas, List<Integer> addingReplicas,
                        List<Integer> removingReplicas) {
    }
}
