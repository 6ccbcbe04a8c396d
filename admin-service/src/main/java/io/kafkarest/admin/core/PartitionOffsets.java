package io.kafkarest.admin.core;

/** The first and the next-to-be-written offset of a partition. */
public record PartitionOffsets(String topic, int partition, long earliest, long latest) {
}
