package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.api.v3.V3Wire.Related;
import io.kafkarest.admin.api.v3.V3Wire.ResourceMetadata;
import io.kafkarest.admin.core.ConfigScope;
import io.kafkarest.admin.core.PartitionManager.Reassignment;
import io.kafkarest.admin.core.PartitionOffsets;
import io.kafkarest.admin.core.TopicInfo.PartitionInfo;
import io.kafkarest.admin.core.TopicInfo.ReplicaInfo;
import io.kafkarest.admin.core.TopicSummary;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;

/** The v3 topic, partition, replica and reassignment resources, and the topic requests. */
final class TopicWire {
    private TopicWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Topic(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                 @JsonProperty("topic_name") String topicName, @JsonProperty("is_internal") boolean internal,
                 @JsonProperty("replication_factor") int replicationFactor,
                 @JsonProperty("partitions_count") int partitionsCount, Related partitions, Related configs,
                 @JsonProperty("partition_reassignments") Related partitionReassignments,
                 @JsonProperty("authorized_operations") @JsonInclude(JsonInclude.Include.NON_NULL)
                 Set<String> authorizedOperations) {

        static Topic of(V3Links links, String clusterId, TopicSummary t) {
            return new Topic("KafkaTopic", ResourceMetadata.of(links.topic(t.name())), clusterId, t.name(),
                    t.internal(), t.replicationFactor(), t.partitionsCount(), Related.to(links.partitions(t.name())),
                    Related.to(links.configs(ConfigScope.topic(t.name()))), Related.to(links.topicReassignments(t.name())),
                    t.authorizedOperations().orElse(null));
        }
    }

    /** {@code POST /v3/clusters/{c}/topics}; only {@code topic_name} is required. */
    @Serdeable
    record CreateTopicRequest(@JsonProperty("topic_name") String topicName,
                              @JsonProperty("partitions_count") Integer partitionsCount,
                              @JsonProperty("replication_factor") Short replicationFactor,
                              @JsonProperty("replicas_assignments") List<ReplicasAssignment> replicasAssignments,
                              List<ConfigWire.NameValue> configs,
                              @JsonProperty("validate_only") Boolean validateOnly) {
    }

    @Serdeable
    record ReplicasAssignment(@JsonProperty("partition_id") Integer partitionId,
                              @JsonProperty("broker_ids") List<Integer> brokerIds) {
    }

    /** {@code PATCH /v3/clusters/{c}/topics/{t}}. */
    @Serdeable
    record UpdatePartitionCountRequest(@JsonProperty("partitions_count") Integer partitionsCount) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Partition(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                     @JsonProperty("topic_name") String topicName, @JsonProperty("partition_id") int partitionId,
                     Related leader, Related replicas, Related reassignment) {

        static Partition of(V3Links links, String clusterId, PartitionInfo p) {
            return new Partition("KafkaPartition", ResourceMetadata.of(links.partition(p.topic(), p.partition())),
                    clusterId, p.topic(), p.partition(),
                    p.leaderId().map(id -> Related.to(links.replica(p.topic(), p.partition(), id))).orElse(null),
                    Related.to(links.replicas(p.topic(), p.partition())),
                    Related.to(links.reassignment(p.topic(), p.partition())));
        }
    }

    /** The offsets asked for by {@code offset_type}; the other one is left out. */
    @Serdeable
    record PartitionWithOffsets(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                                @JsonProperty("topic_name") String topicName,
                                @JsonProperty("partition_id") int partitionId,
                                @JsonProperty("earliest_offset") @JsonInclude(JsonInclude.Include.NON_NULL)
                                Long earliestOffset,
                                @JsonProperty("latest_offset") @JsonInclude(JsonInclude.Include.NON_NULL)
                                Long latestOffset) {

        static PartitionWithOffsets of(V3Links links, String clusterId, PartitionOffsets o, boolean earliest,
                                       boolean latest) {
            return new PartitionWithOffsets("KafkaPartitionWithOffsets",
                    ResourceMetadata.of(links.partitionOffsets(o.topic(), o.partition(),
                            earliest && latest ? "earliest_and_latest" : earliest ? "earliest" : "latest")),
                    clusterId, o.topic(),
                    o.partition(), earliest ? o.earliest() : null, latest ? o.latest() : null);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Replica(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                   @JsonProperty("topic_name") String topicName, @JsonProperty("partition_id") int partitionId,
                   @JsonProperty("broker_id") int brokerId, @JsonProperty("is_leader") boolean leader,
                   @JsonProperty("is_in_sync") boolean inSync, Related broker) {

        static Replica of(V3Links links, String clusterId, String topic, int partition, ReplicaInfo r) {
            return new Replica("KafkaReplica", ResourceMetadata.of(links.replica(topic, partition, r.broker())),
                    clusterId, topic, partition, r.broker(), r.leader(), r.inSync(), Related.to(links.broker(r.broker())));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReassignmentData(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                            @JsonProperty("topic_name") String topicName, @JsonProperty("partition_id") int partitionId,
                            @JsonProperty("adding_replicas") List<Integer> addingReplicas,
                            @JsonProperty("removing_replicas") List<Integer> removingReplicas, Related replicas) {

        static ReassignmentData of(V3Links links, String clusterId, Reassignment r) {
            return new ReassignmentData("KafkaReassignment",
                    ResourceMetadata.of(links.reassignment(r.topic(), r.partition())), clusterId, r.topic(),
                    r.partition(), r.addingReplicas(), r.removingReplicas(),
                    Related.to(links.replicas(r.topic(), r.partition())));
        }
    }
}
