package io.kafkarest.admin.core;

import java.util.List;
import java.util.Optional;

/**
 * A consumer group as Kafka describes it.
 *
 * @param state Kafka's group state (STABLE, EMPTY, PREPARING_REBALANCE, ...)
 * @param type  CLASSIC or CONSUMER (KIP-848)
 * @param mixed a CONSUMER group that still has classic members
 */
public record ConsumerGroupInfo(String groupId, boolean simple, String partitionAssignor, String state, String type,
                                boolean mixed, Optional<Integer> coordinatorId, List<Member> consumers) {

    /** The consumer, or a not-found {@link AdminException}. */
    public Member consumer(String consumerId) {
        return consumers.stream().filter(c -> c.consumerId().equals(consumerId)).findFirst()
                .orElseThrow(() -> AdminException.notFound(
                        "Consumer '" + consumerId + "' of consumer group '" + groupId + "'"));
    }

    /** The member that owns the partition, if any. */
    public Optional<Member> ownerOf(String topic, int partition) {
        return consumers.stream().filter(c -> c.assignments().contains(new AssignedPartition(topic, partition)))
                .findFirst();
    }

    /** A member of the group and the partitions assigned to it. */
    public record Member(String consumerId, Optional<String> instanceId, String clientId, String host,
                         List<AssignedPartition> assignments) {

        /** The assignment, or a not-found {@link AdminException}. */
        public AssignedPartition assignment(String topic, int partition) {
            AssignedPartition wanted = new AssignedPartition(topic, partition);
            if (!assignments.contains(wanted)) {
                throw AdminException.notFound("Assignment of partition " + partition + " of topic '" + topic
                        + "' to consumer '" + consumerId + "'");
            }
            return wanted;
        }
    }

    public record AssignedPartition(String topic, int partition) {
    }
}
