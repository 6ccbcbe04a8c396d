package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.ConsumerGroupInfo;
import io.kafkarest.admin.core.ConsumerGroupInfo.Member;
import io.kafkarest.admin.core.ConsumerGroupManager;
import io.kafkarest.admin.core.ConsumerLag;
import io.kafkarest.admin.core.ConsumerLagManager;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag = log end offset - committed offset, per partition the group has committed to. Partitions of topics that no
 * longer exist are left out (their log end offset cannot be known).
 */
@Singleton
public class KafkaConsumerLagManager implements ConsumerLagManager {
    private final Admin admin;
    private final ConsumerGroupManager groups;

    public KafkaConsumerLagManager(Admin admin, ConsumerGroupManager groups) {
        this.admin = admin;
        this.groups = groups;
    }

    @Override
    public CompletableFuture<List<ConsumerLag>> listLags(String groupId) {
        return groups.getGroup(groupId).thenCompose(group -> {
            CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> committed =
                    toCompletable(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
            CompletableFuture<Set<String>> existing =
                    toCompletable(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            return committed.thenCombine(existing, (offsets, topics) -> offsets.entrySet().stream()
                            .filter(e -> e.getValue() != null && topics.contains(e.getKey().topic()))
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())))
                    .thenCompose(current -> logEndOffsets(current.keySet())
                            .thenApply(logEnd -> toLags(group, current, logEnd)));
        });
    }

    private CompletableFuture<Map<TopicPartition, ListOffsetsResultInfo>> logEndOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return toCompletable(admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all());
    }

    private static List<ConsumerLag> toLags(ConsumerGroupInfo group, Map<TopicPartition, Long> current,
                                            Map<TopicPartition, ListOffsetsResultInfo> logEnd) {
        List<ConsumerLag> lags = new ArrayList<>();
        current.forEach((tp, offset) -> {
            ListOffsetsResultInfo end = logEnd.get(tp);
            if (end == null) {
                return;
            }
            Optional<Member> owner = group.ownerOf(tp.topic(), tp.partition());
            lags.add(new ConsumerLag(group.groupId(), tp.topic(), tp.partition(), offset, end.offset(),
                    owner.map(Member::consumerId).orElse(""), owner.flatMap(Member::instanceId),
                    owner.map(Member::clientId).orElse("")));
        });
        lags.sort(Comparator.comparing(ConsumerLag::topic).thenComparingInt(ConsumerLag::partition));
        return lags;
    }
}
