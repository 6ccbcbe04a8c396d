package io.kafkarest.admin.core;

import java.util.Optional;

/** The Kafka cluster as the admin API shows it: its id and its active controller. */
public record ClusterInfo(String clusterId, Optional<Integer> controllerId) {
}
