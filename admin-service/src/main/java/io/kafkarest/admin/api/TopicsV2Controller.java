package io.kafkarest.admin.api;

import io.kafkarest.admin.core.TopicManager;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** v1/v2 topic metadata: {@code GET /topics}, {@code GET /topics/{topic}} and its partitions. */
@Controller("/topics")
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class TopicsV2Controller {
    private final TopicManager topics;

    public TopicsV2Controller(TopicManager topics) {
        this.topics = topics;
    }

    @Get
    public CompletableFuture<List<String>> list() {
        return topics.listTopicNames();
    }

    @Get("/{topic}")
    public CompletableFuture<V2Wire.Topic> get(String topic) {
        return topics.describeTopic(topic).thenApply(V2Wire.Topic::of);
    }

    @Get("/{topic}/partitions")
    public CompletableFuture<List<V2Wire.Partition>> partitions(String topic) {
        return topics.describeTopic(topic).thenApply(t -> t.partitions().stream().map(V2Wire.Partition::of).toList());
    }

    @Get("/{topic}/partitions/{partition}")
    public CompletableFuture<V2Wire.Partition> partition(String topic, int partition) {
        return topics.describeTopic(topic).thenApply(t -> t.partitions().stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .map(V2Wire.Partition::of)
                .orElseThrow(() -> ErrorCode.PARTITION_NOT_FOUND.exception(
                        "Partition " + partition + " of topic '" + topic + "' not found.")));
    }
}
