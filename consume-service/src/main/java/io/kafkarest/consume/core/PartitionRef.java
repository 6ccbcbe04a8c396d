package io.kafkarest.consume.core;

import java.util.Comparator;

/** A topic partition. */
public record PartitionRef(String topic, int partition) {
    public static final Comparator<PartitionRef> ORDER =
            Comparator.comparing(PartitionRef::topic).thenComparingInt(PartitionRef::partition);
}
