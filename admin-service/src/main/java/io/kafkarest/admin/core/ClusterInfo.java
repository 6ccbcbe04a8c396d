package io.kafkarest.admin.core;

import java.util.List;
import java.util.Optional;

/** The Kafka cluster as the admin API shows it. */
public record ClusterInfo(String clusterId, Optional<Integer> controllerId, List<BrokerInfo> brokers) {

    public List<Integer> brokerIds() {
        return brokers.stream().map(BrokerInfo::id).toList();
    }
}
