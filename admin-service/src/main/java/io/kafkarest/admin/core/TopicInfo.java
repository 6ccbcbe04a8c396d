package io.kafkarest.admin.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A topic and its partitions.
 *
 * @param authorizedOperations what the service's principal may do on the topic, when asked for
 */
public record TopicInfo(String name, boolean internal, List<PartitionInfo> partitions,
                        Optional<Set<String>> authorizedOperations) {

    public TopicInfo(String name, boolean internal, List<PartitionInfo> partitions) {
        this(name, internal, partitions, Optional.empty());
    }

    public TopicSummary summary() {
        int replicationFactor = partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
        return new TopicSummary(name, internal, partitions.size(), replicationFactor, authorizedOperations);
    }

    /** The partition, or a not-found {@link AdminException}. */
    public PartitionInfo partition(int partition) {
        return partitions.stream().filter(p -> p.partition() == partition).findFirst()
                .orElseThrow(() -> AdminException.partitionNotFound(name, partition));
    }

    /** A partition: its leader (-1 when none) and its replicas in assignment order. */
    public record PartitionInfo(String topic, int partition, int leader, List<ReplicaInfo> replicas) {

        public Optional<Integer> leaderId() {
            return leader < 0 ? Optional.empty() : Optional.of(leader);
        }

        /** The replica on {@code brokerId}, or a not-found {@link AdminException}. */
        public ReplicaInfo replica(int brokerId) {
            return replicas.stream().filter(r -> r.broker() == brokerId).findFirst()
                    .orElseThrow(() -> AdminException.notFound("Replica on broker " + brokerId + " of partition "
                            + partition + " of topic '" + topic + "'"));
        }
    }

    public record ReplicaInfo(int broker, boolean leader, boolean inSync) {
    }
}
