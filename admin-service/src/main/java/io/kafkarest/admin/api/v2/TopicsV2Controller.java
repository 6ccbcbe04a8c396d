package io.kafkarest.admin.api.v2;

import io.kafkarest.admin.core.ConfigManager;
import io.kafkarest.admin.core.ConfigScope;
import io.kafkarest.admin.core.PartitionManager;
import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** v1/v2 topic metadata: {@code GET /topics}, {@code GET /topics/{topic}}, its partitions and their offsets. */
@Controller("/topics")
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class TopicsV2Controller {
    private final TopicManager topics;
    private final PartitionManager partitions;
    private final ConfigManager configs;

    public TopicsV2Controller(TopicManager topics, PartitionManager partitions, ConfigManager configs) {
        this.topics = topics;
        this.partitions = partitions;
        this.configs = configs;
    }

    @Get
    public CompletableFuture<List<String>> list() {
        return topics.listTopicNames();
    }

    @Get("/{topic}")
    public CompletableFuture<V2Wire.Topic> get(String topic) {
        return topics.describeTopic(topic)
                .thenCombine(configs.listConfigs(ConfigScope.topic(topic)), V2Wire.Topic::of);
    }

    @Get("/{topic}/partitions")
    public CompletableFuture<List<V2Wire.Partition>> partitions(String topic) {
        return topics.describeTopic(topic).thenApply(t -> t.partitions().stream().map(V2Wire.Partition::of).toList());
    }

    @Get("/{topic}/partitions/{partition}")
    public CompletableFuture<V2Wire.Partition> partition(String topic, int partition) {
        return partitions.getPartition(topic, partition).thenApply(V2Wire.Partition::of);
    }

    @Get("/{topic}/partitions/{partition}/offsets")
    public CompletableFuture<V2Wire.Offsets> offsets(String topic, int partition) {
        return partitions.offsets(topic, partition).thenApply(V2Wire.Offsets::of);
    }
}
