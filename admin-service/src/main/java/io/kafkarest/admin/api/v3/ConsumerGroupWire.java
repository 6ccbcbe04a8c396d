package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.api.v3.V3Wire.Related;
import io.kafkarest.admin.api.v3.V3Wire.ResourceMetadata;
import io.kafkarest.admin.core.ConsumerGroupInfo;
import io.kafkarest.admin.core.ConsumerGroupInfo.AssignedPartition;
import io.kafkarest.admin.core.ConsumerGroupInfo.Member;
import io.kafkarest.admin.core.ConsumerLag;
import io.micronaut.serde.annotation.Serdeable;

/** The v3 consumer group, consumer, assignment, lag and lag summary resources. */
final class ConsumerGroupWire {
    private ConsumerGroupWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConsumerGroup(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                         @JsonProperty("consumer_group_id") String consumerGroupId,
                         @JsonProperty("is_simple") boolean simple,
                         @JsonProperty("partition_assignor") String partitionAssignor, String state, String type,
                         @JsonProperty("is_mixed_consumer_group") boolean mixed, Related coordinator,
                         Related consumers, @JsonProperty("lag_summary") Related lagSummary) {

        static ConsumerGroup of(V3Links links, String clusterId, ConsumerGroupInfo g) {
            String id = g.groupId();
            return new ConsumerGroup("KafkaConsumerGroup", ResourceMetadata.of(links.consumerGroup(id)), clusterId, id,
                    g.simple(), g.partitionAssignor(), g.state(), g.type(), g.mixed(),
                    g.coordinatorId().map(b -> Related.to(links.broker(b))).orElse(null),
                    Related.to(links.consumers(id)), Related.to(links.lagSummary(id)));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Consumer(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                    @JsonProperty("consumer_group_id") String consumerGroupId,
                    @JsonProperty("consumer_id") String consumerId, @JsonProperty("instance_id") String instanceId,
                    @JsonProperty("client_id") String clientId, Related assignments) {

        static Consumer of(V3Links links, String clusterId, String groupId, Member m) {
            return new Consumer("KafkaConsumer", ResourceMetadata.of(links.consumer(groupId, m.consumerId())),
                    clusterId, groupId, m.consumerId(), m.instanceId().orElse(null), m.clientId(),
                    Related.to(links.assignments(groupId, m.consumerId())));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConsumerAssignment(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                              @JsonProperty("consumer_group_id") String consumerGroupId,
                              @JsonProperty("consumer_id") String consumerId,
                              @JsonProperty("topic_name") String topicName,
                              @JsonProperty("partition_id") int partitionId, Related partition, Related lag) {

        static ConsumerAssignment of(V3Links links, String clusterId, String groupId, String consumerId,
                                     AssignedPartition a) {
            return new ConsumerAssignment("KafkaConsumerAssignment",
                    ResourceMetadata.of(links.assignment(groupId, consumerId, a.topic(), a.partition())), clusterId,
                    groupId, consumerId, a.topic(), a.partition(), Related.to(links.partition(a.topic(), a.partition())),
                    Related.to(links.lag(groupId, a.topic(), a.partition())));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Lag(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
               @JsonProperty("consumer_group_id") String consumerGroupId, @JsonProperty("topic_name") String topicName,
               @JsonProperty("partition_id") int partitionId, @JsonProperty("current_offset") long currentOffset,
               @JsonProperty("log_end_offset") long logEndOffset, long lag,
               @JsonProperty("consumer_id") String consumerId, @JsonProperty("instance_id") String instanceId,
               @JsonProperty("client_id") String clientId) {

        static Lag of(V3Links links, String clusterId, ConsumerLag l) {
            return new Lag("KafkaConsumerLag", ResourceMetadata.of(links.lag(l.groupId(), l.topic(), l.partition())),
                    clusterId, l.groupId(), l.topic(), l.partition(), l.currentOffset(), l.logEndOffset(), l.lag(),
                    l.consumerId(), l.instanceId().orElse(null), l.clientId());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LagSummary(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                      @JsonProperty("consumer_group_id") String consumerGroupId,
                      @JsonProperty("max_lag_consumer_id") String maxLagConsumerId,
                      @JsonProperty("max_lag_instance_id") String maxLagInstanceId,
                      @JsonProperty("max_lag_client_id") String maxLagClientId,
                      @JsonProperty("max_lag_topic_name") String maxLagTopicName,
                      @JsonProperty("max_lag_partition_id") int maxLagPartitionId,
                      @JsonProperty("max_lag") long maxLag, @JsonProperty("total_lag") long totalLag,
                      @JsonProperty("max_lag_consumer") Related maxLagConsumer,
                      @JsonProperty("max_lag_partition") Related maxLagPartition) {

        static LagSummary of(V3Links links, String clusterId, String groupId, ConsumerLag.Summary s) {
            ConsumerLag max = s.maxLag();
            return new LagSummary("KafkaConsumerGroupLagSummary", ResourceMetadata.of(links.lagSummary(groupId)),
                    clusterId, groupId, max.consumerId(), max.instanceId().orElse(null), max.clientId(), max.topic(),
                    max.partition(), max.lag(), s.totalLag(),
                    max.consumerId().isEmpty() ? null : Related.to(links.consumer(groupId, max.consumerId())),
                    Related.to(links.partition(max.topic(), max.partition())));
        }
    }
}
