package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Consumer lag: the group's committed offsets against the log end offsets. */
public interface ConsumerLagManager {
    /** The lag of every partition the group has committed an offset for, by topic and partition. */
    CompletableFuture<List<ConsumerLag>> listLags(String groupId);

    /** The lag on one partition, or a not-found {@link AdminException} when the group committed nothing there. */
    default CompletableFuture<ConsumerLag> getLag(String groupId, String topic, int partition) {
        return listLags(groupId).thenApply(all -> all.stream()
                .filter(l -> l.topic().equals(topic) && l.partition() == partition)
                .findFirst()
                .orElseThrow(() -> AdminException.notFound("Lag of consumer group '" + groupId + "' on partition "
                        + partition + " of topic '" + topic + "' (no committed offset)")));
    }

    /** The group's largest and total lag, or a not-found {@link AdminException} when it committed nothing. */
    default CompletableFuture<ConsumerLag.Summary> summarize(String groupId) {
        return listLags(groupId).thenApply(all -> ConsumerLag.Summary.of(all)
                .orElseThrow(() -> AdminException.notFound(
                        "Lag summary of consumer group '" + groupId + "' (it has no committed offsets)")));
    }
}
