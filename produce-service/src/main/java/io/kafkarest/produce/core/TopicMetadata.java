package io.kafkarest.produce.core;

import java.util.OptionalInt;

/** Answers whether a topic exists and how many partitions it has. Blocking; may answer from a short cache. */
public interface TopicMetadata {

    /** The partition count, possibly cached for a few seconds; empty when the topic does not exist. */
    OptionalInt partitionCount(String topic);

    /** The id of the Kafka cluster (asked once, then remembered). */
    String clusterId();

    /** The partition count asked of the cluster now (and cached); empty when the topic does not exist. */
    OptionalInt refreshPartitionCount(String topic);
}
