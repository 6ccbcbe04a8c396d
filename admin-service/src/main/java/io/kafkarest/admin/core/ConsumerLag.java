package io.kafkarest.admin.core;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How far a consumer group is behind on one partition: its committed offset against the log end offset, and the
 * member that owns the partition now (empty ids when no member owns it).
 */
public record ConsumerLag(String groupId, String topic, int partition, long currentOffset, long logEndOffset,
                          String consumerId, Optional<String> instanceId, String clientId) {

    public long lag() {
        return Math.max(0, logEndOffset - currentOffset);
    }

    /** The largest lag of a group (the first such partition in topic/partition order) and the sum of all lags. */
    public record Summary(ConsumerLag maxLag, long totalLag) {

        /** Empty when the group has no committed offsets. */
        public static Optional<Summary> of(List<ConsumerLag> lags) {
            return lags.stream()
                    .max(Comparator.comparingLong(ConsumerLag::lag)
                            .thenComparing(Comparator.comparing(ConsumerLag::topic).reversed())
                            .thenComparing(Comparator.comparingInt(ConsumerLag::partition).reversed()))
                    .map(max -> new Summary(max, lags.stream().mapToLong(ConsumerLag::lag).sum()));
        }
    }
}
