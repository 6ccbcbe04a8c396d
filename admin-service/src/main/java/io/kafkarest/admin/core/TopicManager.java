package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Topics of the cluster; one implementation serves API v1, v2 and v3. */
public interface TopicManager {
    CompletableFuture<List<String>> listTopicNames();

    CompletableFuture<List<TopicInfo>> listTopics(boolean includeAuthorizedOperations);

    /** The topic, or a topic-not-found {@link AdminException}. */
    CompletableFuture<TopicInfo> describeTopic(String name, boolean includeAuthorizedOperations);

    default CompletableFuture<TopicInfo> describeTopic(String name) {
        return describeTopic(name, false);
    }

    /**
     * Creates the topic (or, with {@code validateOnly}, only checks that it could be created) and answers it as
     * Kafka created it: partition count and replication factor as applied.
     */
    CompletableFuture<TopicSummary> createTopic(NewTopicSpec spec);

    /** Raises the partition count to {@code partitionsCount} and answers the topic with its new count. */
    CompletableFuture<TopicSummary> increasePartitions(String name, int partitionsCount);

    CompletableFuture<Void> deleteTopic(String name);
}
