package io.kafkarest.admin.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Topics of the cluster; one implementation serves API v1, v2 and v3. */
public interface TopicManager {
    CompletableFuture<List<String>> listTopicNames();

    CompletableFuture<List<TopicInfo>> listTopics();

    /** Fails with 404 / 40401 when the topic does not exist. */
    CompletableFuture<TopicInfo> describeTopic(String name);

    /** Creates the topic and answers it as created (partition count and replication factor as applied). */
    CompletableFuture<TopicSummary> createTopic(NewTopicSpec spec);

    CompletableFuture<Void> deleteTopic(String name);
}
