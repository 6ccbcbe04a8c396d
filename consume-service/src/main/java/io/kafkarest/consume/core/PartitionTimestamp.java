package io.kafkarest.consume.core;

/** A point in time of a topic partition: seek there to read the first record with this timestamp or later. */
public record PartitionTimestamp(String topic, int partition, long timestampMillis) {
}
