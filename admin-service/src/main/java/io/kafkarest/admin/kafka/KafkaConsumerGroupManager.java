package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;
import static io.kafkarest.admin.kafka.KafkaFutures.translate;
import static io.kafkarest.admin.kafka.KafkaFutures.unlessGone;

import io.kafkarest.admin.core.AdminException;
import io.kafkarest.admin.core.ConsumerGroupInfo;
import io.kafkarest.admin.core.ConsumerGroupInfo.AssignedPartition;
import io.kafkarest.admin.core.ConsumerGroupInfo.Member;
import io.kafkarest.admin.core.ConsumerGroupManager;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Consumer groups (classic and KIP-848 consumer groups) through the shared {@link Admin} client. */
@Singleton
public class KafkaConsumerGroupManager implements ConsumerGroupManager {
    private final Admin admin;

    public KafkaConsumerGroupManager(Admin admin) {
        this.admin = admin;
    }

    /** Every consumer group, described; a group that is gone by the time it is described is left out. */
    @Override
    public CompletableFuture<List<ConsumerGroupInfo>> listGroups() {
        return toCompletable(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
                .thenCompose(listings -> {
                    List<String> ids = listings.stream().map(GroupListing::groupId).distinct().sorted().toList();
                    Map<String, KafkaFuture<ConsumerGroupDescription>> described = ids.isEmpty() ? Map.of()
                            : admin.describeConsumerGroups(ids).describedGroups();
                    return KafkaFutures.allPresent(ids.stream()
                            .map(id -> unlessGone(toCompletable(described.get(id)), GroupIdNotFoundException.class)
                                    .thenApply(d -> d.filter(found -> found.groupState() != GroupState.DEAD)
                                            .map(KafkaConsumerGroupManager::toGroup)))
                            .toList());
                });
    }

    @Override
    public CompletableFuture<ConsumerGroupInfo> getGroup(String groupId) {
        return translate(toCompletable(admin.describeConsumerGroups(Set.of(groupId)).describedGroups().get(groupId)),
                cause -> cause instanceof GroupIdNotFoundException ? groupNotFound(groupId) : null)
                .thenApply(d -> {
                    if (d.groupState() == GroupState.DEAD) {
                        throw groupNotFound(groupId);
                    }
                    return toGroup(d);
                });
    }

    private static AdminException groupNotFound(String groupId) {
        return AdminException.notFound("Consumer group '" + groupId + "'");
    }

    private static ConsumerGroupInfo toGroup(ConsumerGroupDescription d) {
        List<Member> members = d.members().stream()
                .map(KafkaConsumerGroupManager::toMember)
                .sorted(Comparator.comparing(Member::consumerId))
                .toList();
        boolean mixed = d.type() == GroupType.CONSUMER
                && d.members().stream().anyMatch(m -> m.upgraded().map(upgraded -> !upgraded).orElse(false));
        Node coordinator = d.coordinator();
        return new ConsumerGroupInfo(d.groupId(), d.isSimpleConsumerGroup(),
                Optional.ofNullable(d.partitionAssignor()).orElse(""),
                Optional.ofNullable(d.groupState()).orElse(GroupState.UNKNOWN).name(),
                Optional.ofNullable(d.type()).orElse(GroupType.UNKNOWN).name(), mixed,
                coordinator == null || coordinator.isEmpty() ? Optional.empty() : Optional.of(coordinator.id()),
                members);
    }

    private static Member toMember(MemberDescription m) {
        List<AssignedPartition> assignments = m.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(tp -> new AssignedPartition(tp.topic(), tp.partition()))
                .toList();
        return new Member(m.consumerId(), m.groupInstanceId(), m.clientId(), m.host(), assignments);
    }
}
