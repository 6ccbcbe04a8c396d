package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.forTopic;
import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;
import static io.kafkarest.admin.kafka.KafkaFutures.unlessGone;

import io.kafkarest.admin.core.NewTopicSpec;
import io.kafkarest.admin.core.TopicInfo;
import io.kafkarest.admin.core.TopicInfo.PartitionInfo;
import io.kafkarest.admin.core.TopicInfo.ReplicaInfo;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.admin.core.TopicSummary;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

@Singleton
public class KafkaTopicManager implements TopicManager {
    private final Admin admin;

    public KafkaTopicManager(Admin admin) {
        this.admin = admin;
    }

    @Override
    public CompletableFuture<List<String>> listTopicNames() {
        return toCompletable(admin.listTopics(new ListTopicsOptions().listInternal(true)).names())
                .thenApply(names -> names.stream().sorted().toList());
    }

    /** Every topic, described; a topic deleted between listing and describing is left out. */
    @Override
    public CompletableFuture<List<TopicInfo>> listTopics(boolean includeAuthorizedOperations) {
        return listTopicNames().thenCompose(names -> {
            Map<String, KafkaFuture<TopicDescription>> described = names.isEmpty() ? Map.of()
                    : admin.describeTopics(names, describeOptions(includeAuthorizedOperations)).topicNameValues();
            return KafkaFutures.allPresent(names.stream()
                    .map(name -> unlessGone(toCompletable(described.get(name)), UnknownTopicOrPartitionException.class)
                            .thenApply(d -> d.map(found -> toTopic(found, includeAuthorizedOperations))))
                    .toList());
        });
    }

    @Override
    public CompletableFuture<TopicInfo> describeTopic(String name, boolean includeAuthorizedOperations) {
        return forTopic(admin.describeTopics(Set.of(name), describeOptions(includeAuthorizedOperations))
                .topicNameValues().get(name), name)
                .thenApply(d -> toTopic(d, includeAuthorizedOperations));
    }

    @Override
    public CompletableFuture<TopicSummary> createTopic(NewTopicSpec spec) {
        NewTopic newTopic = spec.replicasAssignments().isEmpty()
                ? new NewTopic(spec.name(), spec.partitionsCount(), spec.replicationFactor())
                : new NewTopic(spec.name(), spec.replicasAssignments());
        newTopic.configs(spec.configs());
        CreateTopicsResult result = admin.createTopics(List.of(newTopic),
                new CreateTopicsOptions().validateOnly(spec.validateOnly()));
        CompletableFuture<Integer> partitions = toCompletable(result.numPartitions(spec.name()));
        CompletableFuture<Integer> replication = toCompletable(result.replicationFactor(spec.name()));
        return toCompletable(result.all())
                .thenCompose(done -> partitions.thenCombine(replication,
                        (count, factor) -> new TopicSummary(spec.name(), false, count, factor)));
    }

    @Override
    public CompletableFuture<TopicSummary> increasePartitions(String name, int partitionsCount) {
        return forTopic(admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitionsCount))).all(), name)
                .thenCompose(done -> describeTopic(name))
                // the broker's metadata may not show the new partitions yet: answer the count Kafka committed
                .thenApply(TopicInfo::summary)
                .thenApply(t -> new TopicSummary(t.name(), t.internal(),
                        Math.max(t.partitionsCount(), partitionsCount), t.replicationFactor()));
    }

    @Override
    public CompletableFuture<Void> deleteTopic(String name) {
        return forTopic(admin.deleteTopics(Set.of(name)).all(), name);
    }

    private static DescribeTopicsOptions describeOptions(boolean includeAuthorizedOperations) {
        return new DescribeTopicsOptions().includeAuthorizedOperations(includeAuthorizedOperations);
    }

    private static TopicInfo toTopic(TopicDescription d, boolean includeAuthorizedOperations) {
        List<PartitionInfo> partitions = d.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                .map(p -> toPartition(d.name(), p))
                .toList();
        Optional<Set<String>> operations = includeAuthorizedOperations
                ? Optional.of(operationNames(d.authorizedOperations())) : Optional.empty();
        return new TopicInfo(d.name(), d.isInternal(), partitions, operations);
    }

    private static Set<String> operationNames(Set<AclOperation> operations) {
        return operations == null ? Set.of()
                : operations.stream().map(AclOperation::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static PartitionInfo toPartition(String topic, TopicPartitionInfo p) {
        int leader = Optional.ofNullable(p.leader()).filter(n -> !n.isEmpty()).map(Node::id).orElse(-1);
        Set<Integer> inSync = ids(p.isr());
        List<ReplicaInfo> replicas = p.replicas().stream()
                .map(n -> new ReplicaInfo(n.id(), n.id() == leader, inSync.contains(n.id())))
                .toList();
        return new PartitionInfo(topic, p.partition(), leader, replicas);
    }

    private static Set<Integer> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toSet());
    }
}
