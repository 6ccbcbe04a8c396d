package io.kafkarest.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.core.ClusterInfo;
import io.kafkarest.admin.core.TopicSummary;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The v3 resource shapes: every resource carries {@code kind}, {@code metadata} and links to related ones. */
final class V3Wire {
    private V3Wire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceMetadata(String self, @JsonProperty("resource_name") String resourceName) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CollectionMetadata(String self, String next) {
    }

    @Serdeable
    record Related(String related) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Cluster(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                   Related controller, Related acls, Related brokers,
                   @JsonProperty("broker_configs") Related brokerConfigs,
                   @JsonProperty("consumer_groups") Related consumerGroups, Related topics,
                   @JsonProperty("partition_reassignments") Related partitionReassignments) {

        static Cluster of(V3Links links, ClusterInfo c) {
            String base = links.cluster(c.clusterId());
            return new Cluster("KafkaCluster", new ResourceMetadata(base, V3Links.crn(c.clusterId())), c.clusterId(),
                    c.controllerId().map(id -> new Related(base + "/brokers/" + id)).orElse(null),
                    new Related(base + "/acls"), new Related(base + "/brokers"),
                    new Related(base + "/broker-configs"), new Related(base + "/consumer-groups"),
                    new Related(base + "/topics"),
                    new Related(base + "/topics/-/partitions/-/reassignment"));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClusterList(String kind, CollectionMetadata metadata, List<Cluster> data) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Topic(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                 @JsonProperty("topic_name") String topicName, @JsonProperty("is_internal") boolean internal,
                 @JsonProperty("replication_factor") int replicationFactor,
                 @JsonProperty("partitions_count") int partitionsCount, Related partitions, Related configs,
                 @JsonProperty("partition_reassignments") Related partitionReassignments) {

        static Topic of(V3Links links, String clusterId, TopicSummary t) {
            String self = links.topic(clusterId, t.name());
            return new Topic("KafkaTopic",
                    new ResourceMetadata(self, V3Links.crn(clusterId) + "/topic=" + t.name()),
                    clusterId, t.name(), t.internal(), t.replicationFactor(), t.partitionsCount(),
                    new Related(self + "/partitions"), new Related(self + "/configs"),
                    new Related(self + "/partitions/-/reassignment"));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TopicList(String kind, CollectionMetadata metadata, List<Topic> data) {
    }

    /** {@code POST /v3/clusters/{c}/topics}; only {@code topic_name} is required. */
    @Serdeable
    record CreateTopicRequest(@JsonProperty("topic_name") String topicName,
                              @JsonProperty("partitions_count") Integer partitionsCount,
                              @JsonProperty("replication_factor") Short replicationFactor,
                              List<ConfigEntry> configs,
                              @JsonProperty("validate_only") Boolean validateOnly) {
    }

    @Serdeable
    record ConfigEntry(String name, String value) {
    }
}
