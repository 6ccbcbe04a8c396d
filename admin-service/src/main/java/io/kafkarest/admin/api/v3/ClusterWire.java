package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.api.v3.V3Wire.Related;
import io.kafkarest.admin.api.v3.V3Wire.ResourceMetadata;
import io.kafkarest.admin.core.BrokerInfo;
import io.kafkarest.admin.core.ClusterInfo;
import io.kafkarest.admin.core.ConfigScope;
import io.micronaut.serde.annotation.Serdeable;

/** The v3 cluster and broker resources. */
final class ClusterWire {
    private ClusterWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Cluster(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                   Related controller, Related acls, Related brokers,
                   @JsonProperty("broker_configs") Related brokerConfigs,
                   @JsonProperty("consumer_groups") Related consumerGroups, Related topics,
                   @JsonProperty("partition_reassignments") Related partitionReassignments) {

        static Cluster of(V3Links links, ClusterInfo c) {
            return new Cluster("KafkaCluster", ResourceMetadata.of(links.cluster()), c.clusterId(),
                    c.controllerId().map(id -> Related.to(links.broker(id))).orElse(null),
                    Related.to(links.acls()), Related.to(links.brokers()), Related.to(links.configs(ConfigScope.cluster())),
                    Related.to(links.consumerGroups()), Related.to(links.topics()),
                    Related.to(links.allReassignments()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Broker(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                  @JsonProperty("broker_id") int brokerId, String host, Integer port, String rack, Related configs,
                  @JsonProperty("partition_replicas") Related partitionReplicas) {

        static Broker of(V3Links links, String clusterId, BrokerInfo b) {
            return new Broker("KafkaBroker", ResourceMetadata.of(links.broker(b.id())), clusterId, b.id(), b.host(),
                    b.port(), b.rack().orElse(null), Related.to(links.configs(ConfigScope.broker(b.id()))),
                    Related.to(links.partitionReplicas(b.id())));
        }
    }
}
