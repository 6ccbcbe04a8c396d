package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;

import io.kafkarest.admin.core.NewTopicSpec;
import io.kafkarest.admin.core.TopicInfo;
import io.kafkarest.admin.core.TopicInfo.PartitionInfo;
import io.kafkarest.admin.core.TopicInfo.ReplicaInfo;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.admin.core.TopicSummary;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.UnexpectedExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
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

    @Override
    public CompletableFuture<List<TopicInfo>> listTopics() {
        return listTopicNames().thenCompose(names -> names.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : toCompletable(admin.describeTopics(names).allTopicNames())
                        .thenApply(descriptions -> descriptions.values().stream()
                                .sorted(Comparator.comparing(TopicDescription::name))
                                .map(d -> toTopic(d, Map.of()))
                                .toList()));
    }

    @Override
    public CompletableFuture<TopicInfo> describeTopic(String name) {
        CompletableFuture<TopicDescription> description =
                toCompletable(admin.describeTopics(Set.of(name)).topicNameValues().get(name));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        CompletableFuture<Config> config =
                toCompletable(admin.describeConfigs(Set.of(resource)).values().get(resource));
        return description.thenCombine(config, (d, c) -> toTopic(d, nonDefault(c)))
                .exceptionally(failure -> {
                    throw topicNotFoundOr(name, failure);
                });
    }

    @Override
    public CompletableFuture<TopicSummary> createTopic(NewTopicSpec spec) {
        NewTopic newTopic = new NewTopic(spec.name(), spec.partitionsCount(), spec.replicationFactor())
                .configs(spec.configs());
        CreateTopicsResult result = admin.createTopics(List.of(newTopic),
                new CreateTopicsOptions().validateOnly(spec.validateOnly()));
        CompletableFuture<Integer> partitions = toCompletable(result.numPartitions(spec.name()));
        CompletableFuture<Integer> replication = toCompletable(result.replicationFactor(spec.name()));
        return toCompletable(result.all())
                .thenCompose(done -> partitions.thenCombine(replication,
                        (count, factor) -> new TopicSummary(spec.name(), false, count, factor)));
    }

    @Override
    public CompletableFuture<Void> deleteTopic(String name) {
        return toCompletable(admin.deleteTopics(Set.of(name)).all()).exceptionally(failure -> {
            throw topicNotFoundOr(name, failure);
        });
    }

    private static RuntimeException topicNotFoundOr(String name, Throwable failure) {
        Throwable cause = UnexpectedExceptionHandler.unwrap(failure);
        if (cause instanceof UnknownTopicOrPartitionException) {
            return ErrorCode.TOPIC_NOT_FOUND.exception("Topic '" + name + "' not found.");
        }
        return cause instanceof RuntimeException re ? re : new CompletionException(cause);
    }

    private static Map<String, String> nonDefault(Config config) {
        return config.entries().stream()
                .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && e.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a, TreeMap::new));
    }

    private static TopicInfo toTopic(TopicDescription d, Map<String, String> configs) {
        List<PartitionInfo> partitions = d.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                .map(KafkaTopicManager::toPartition)
                .toList();
        return new TopicInfo(d.name(), d.isInternal(), partitions, configs);
    }

    private static PartitionInfo toPartition(TopicPartitionInfo p) {
        int leader = Optional.ofNullable(p.leader()).filter(n -> !n.isEmpty()).map(Node::id).orElse(-1);
        Set<Integer> inSync = ids(p.isr());
        List<ReplicaInfo> replicas = p.replicas().stream()
                .map(n -> new ReplicaInfo(n.id(), n.id() == leader, inSync.contains(n.id())))
                .toList();
        return new PartitionInfo(p.partition(), leader, replicas);
    }

    private static Set<Integer> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toSet());
    }
}
