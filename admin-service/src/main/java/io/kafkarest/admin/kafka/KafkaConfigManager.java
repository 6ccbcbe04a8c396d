package io.kafkarest.admin.kafka;

import static io.kafkarest.admin.kafka.KafkaFutures.toCompletable;
import static io.kafkarest.admin.kafka.KafkaFutures.translate;
import static io.kafkarest.admin.kafka.KafkaFutures.unlessGone;

import io.kafkarest.admin.core.AdminException;
import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.admin.core.ConfigChange;
import io.kafkarest.admin.core.ConfigInfo;
import io.kafkarest.admin.core.ConfigManager;
import io.kafkarest.admin.core.ConfigScope;
import io.kafkarest.admin.core.TopicManager;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Configs through the shared {@link Admin} client. A broker is checked to be alive first (Kafka would otherwise
 * wait for a node that never comes); topic and broker configs must exist before they are changed, as in Confluent's
 * proxy, while the cluster-wide defaults can be set for any broker config.
 */
@Singleton
public class KafkaConfigManager implements ConfigManager {
    private final Admin admin;
    private final ClusterManager cluster;
    private final TopicManager topics;

    public KafkaConfigManager(Admin admin, ClusterManager cluster, TopicManager topics) {
        this.admin = admin;
        this.cluster = cluster;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<List<ConfigInfo>> listConfigs(ConfigScope scope) {
        ConfigResource resource = resourceOf(scope);
        return requireExists(scope).thenCompose(ok -> translate(toCompletable(admin.describeConfigs(List.of(resource),
                        new DescribeConfigsOptions().includeSynonyms(true)).values().get(resource)),
                        cause -> notFoundIn(scope, cause)))
                .thenApply(KafkaConfigManager::toConfigs);
    }

    @Override
    public CompletableFuture<ConfigInfo> getConfig(ConfigScope scope, String name) {
        return listConfigs(scope).thenApply(configs -> configs.stream()
                .filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> configNotFound(scope, name)));
    }

    @Override
    public CompletableFuture<Map<String, List<ConfigInfo>>> listAllTopicConfigs() {
        return topics.listTopicNames().thenCompose(names -> describeMany(names.stream()
                        .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()))
                .thenApply(byResource -> byResource.entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
    }

    @Override
    public CompletableFuture<Map<Integer, List<ConfigInfo>>> listAllBrokerConfigs() {
        return cluster.listBrokers().thenCompose(brokers -> describeMany(brokers.stream()
                        .map(b -> new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(b.id()))).toList()))
                .thenApply(byResource -> byResource.entrySet().stream().collect(Collectors.toMap(
                        e -> Integer.parseInt(e.getKey().name()), Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
    }

    @Override
    public CompletableFuture<Void> alterConfigs(ConfigScope scope, List<ConfigChange> changes, boolean validateOnly) {
        CompletableFuture<?> checked = scope.type() == ConfigScope.Type.CLUSTER
                ? requireExists(scope)
                : listConfigs(scope).thenAccept(existing -> requireKnownNames(scope, existing, changes));
        ConfigResource resource = resourceOf(scope);
        return checked.thenCompose(ok -> translate(toCompletable(admin.incrementalAlterConfigs(
                        Map.of(resource, changes.stream().map(KafkaConfigManager::toOp).toList()),
                        new AlterConfigsOptions().validateOnly(validateOnly)).values().get(resource)),
                cause -> notFoundIn(scope, cause)));
    }

    @Override
    public CompletableFuture<Map<String, Throwable>> alterTopicConfigs(Map<String, List<ConfigChange>> changesByTopic,
                                                                       boolean validateOnly) {
        Map<String, CompletableFuture<Void>> results = new LinkedHashMap<>();
        changesByTopic.forEach((topic, changes) ->
                results.put(topic, alterConfigs(ConfigScope.topic(topic), changes, validateOnly)));
        return CompletableFuture.allOf(results.values().toArray(CompletableFuture[]::new))
                .handle((done, ignored) -> {
                    Map<String, Throwable> failures = new LinkedHashMap<>();
                    results.forEach((topic, result) -> {
                        if (result.isCompletedExceptionally()) {
                            failures.put(topic, KafkaFutures.unwrap(result.exceptionNow()));
                        }
                    });
                    return failures;
                });
    }

    private CompletableFuture<Void> requireExists(ConfigScope scope) {
        return switch (scope.type()) {
            case TOPIC -> topics.describeTopic(scope.name()).thenAccept(t -> { });
            case BROKER -> cluster.getBroker(Integer.parseInt(scope.name())).thenAccept(b -> { });
            case CLUSTER -> CompletableFuture.completedFuture(null);
        };
    }

    /** The configs of each resource; one that vanished meanwhile (a topic deleted) is left out. */
    private CompletableFuture<Map<ConfigResource, List<ConfigInfo>>> describeMany(List<ConfigResource> resources) {
        Map<ConfigResource, KafkaFuture<Config>> futures = resources.isEmpty() ? Map.of()
                : admin.describeConfigs(resources, new DescribeConfigsOptions().includeSynonyms(true)).values();
        return KafkaFutures.allPresent(resources.stream()
                        .map(r -> unlessGone(toCompletable(futures.get(r)), UnknownTopicOrPartitionException.class)
                                .thenApply(config -> config.map(c -> Map.entry(r, toConfigs(c)))))
                        .toList())
                .thenApply(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new)));
    }

    private static void requireKnownNames(ConfigScope scope, List<ConfigInfo> existing, List<ConfigChange> changes) {
        Set<String> names = existing.stream().map(ConfigInfo::name).collect(Collectors.toSet());
        changes.stream().filter(c -> !names.contains(c.name())).findFirst().ifPresent(unknown -> {
            throw configNotFound(scope, unknown.name());
        });
    }

    private static AdminException configNotFound(ConfigScope scope, String name) {
        return AdminException.notFound("Config '" + name + "' of " + scope.describe());
    }

    private static RuntimeException notFoundIn(ConfigScope scope, Throwable cause) {
        return scope.type() == ConfigScope.Type.TOPIC && cause instanceof UnknownTopicOrPartitionException
                ? AdminException.topicNotFound(scope.name()) : null;
    }

    private static ConfigResource resourceOf(ConfigScope scope) {
        return switch (scope.type()) {
            case TOPIC -> new ConfigResource(ConfigResource.Type.TOPIC, scope.name());
            case BROKER, CLUSTER -> new ConfigResource(ConfigResource.Type.BROKER, scope.name());
        };
    }

    private static AlterConfigOp toOp(ConfigChange change) {
        return switch (change.operation()) {
            case SET -> new AlterConfigOp(new ConfigEntry(change.name(), change.value()), AlterConfigOp.OpType.SET);
            case DELETE -> new AlterConfigOp(new ConfigEntry(change.name(), null), AlterConfigOp.OpType.DELETE);
        };
    }

    private static List<ConfigInfo> toConfigs(Config config) {
        if (config == null) {
            return List.of();
        }
        return config.entries().stream()
                .sorted(Comparator.comparing(ConfigEntry::name))
                .map(e -> new ConfigInfo(e.name(), e.value(), e.source() == ConfigEntry.ConfigSource.DEFAULT_CONFIG,
                        e.isReadOnly(), e.isSensitive(), e.source().name(),
                        e.synonyms().stream()
                                .map(s -> new ConfigInfo.Synonym(s.name(), s.value(), s.source().name()))
                                .toList()))
                .toList();
    }
}
