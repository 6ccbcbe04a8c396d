package io.kafkarest.admin.core;

import java.util.List;
import java.util.Map;

/**
 * A topic and its partitions.
 *
 * @param configs the topic's non-default (dynamically set) configs
 */
public record TopicInfo(String name, boolean internal, List<PartitionInfo> partitions, Map<String, String> configs) {

    public TopicSummary summary() {
        int replicationFactor = partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
        return new TopicSummary(name, internal, partitions.size(), replicationFactor);
    }

    /** A partition: its leader (-1 when none) and its replicas in assignment order. */
    public record PartitionInfo(int partition, int leader, List<ReplicaInfo> replicas) {
    }

    public record ReplicaInfo(int broker, boolean leader, boolean inSync) {
    }
}
