package io.kafkarest.admin.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client asks for when it creates a topic. Empty counts mean the broker's defaults; a replicas assignment
 * (partition -> broker ids) replaces both counts.
 */
public record NewTopicSpec(String name, Optional<Integer> partitionsCount, Optional<Short> replicationFactor,
                           Map<Integer, List<Integer>> replicasAssignments, Map<String, String> configs,
                           boolean validateOnly) {
}
