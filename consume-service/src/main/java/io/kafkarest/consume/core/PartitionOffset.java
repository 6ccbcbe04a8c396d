package io.kafkarest.consume.core;

import java.util.Comparator;

/**
 * An offset of a topic partition in Kafka's sense (the next record to read), with the optional metadata string
 * stored with a commit.
 */
public record PartitionOffset(String topic, int partition, long offset, String metadata) {
    public static final Comparator<PartitionOffset> ORDER =
            Comparator.comparing(PartitionOffset::topic).thenComparingInt(PartitionOffset::partition);

    public PartitionOffset(String topic, int partition, long offset) {
        this(topic, partition, offset, null);
    }

    public PartitionRef partitionRef() {
        return new PartitionRef(topic, partition);
    }
}
