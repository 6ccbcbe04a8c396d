package io.kafkarest.admin.core;

import java.util.List;
import java.util.Optional;

/** The Kafka cluster as the admin API shows it. */
public record ClusterInfo(String clusterId, Optional<Integer> controllerId, List<Integer> brokerIds) {
}
