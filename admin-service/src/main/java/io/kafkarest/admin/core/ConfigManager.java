package io.kafkarest.admin.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Configs of topics, brokers and the cluster-wide broker defaults. A topic or broker that does not exist fails with
 * a not-found {@link AdminException}; so does a change of a topic or broker config that does not exist.
 */
public interface ConfigManager {
    CompletableFuture<List<ConfigInfo>> listConfigs(ConfigScope scope);

    CompletableFuture<ConfigInfo> getConfig(ConfigScope scope, String name);

    /** Every topic's configs, by topic name (sorted). */
    CompletableFuture<Map<String, List<ConfigInfo>>> listAllTopicConfigs();

    /** Every live broker's configs, by broker id (sorted). */
    CompletableFuture<Map<Integer, List<ConfigInfo>>> listAllBrokerConfigs();

    /** Applies all changes at once; with {@code validateOnly}, only checks them. */
    CompletableFuture<Void> alterConfigs(ConfigScope scope, List<ConfigChange> changes, boolean validateOnly);

    /**
     * Applies each topic's changes independently. Completes with the failures by topic (empty when all applied);
     * a topic that fails does not stop the others.
     */
    CompletableFuture<Map<String, Throwable>> alterTopicConfigs(Map<String, List<ConfigChange>> changesByTopic,
                                                                boolean validateOnly);
}
