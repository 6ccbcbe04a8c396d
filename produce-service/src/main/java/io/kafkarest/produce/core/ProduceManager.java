package io.kafkarest.produce.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes records to a Kafka topic. One manager serves every API version. Calls can block (topic metadata, producer
 * buffer space), so they must not run on an event loop.
 */
public interface ProduceManager {

    /**
     * Checks that the topic exists (answer cached for a few seconds).
     *
     * @throws ProduceException {@code TOPIC_NOT_FOUND}
     */
    void checkTopic(String topic);

    /**
     * Checks that the topic and every requested partition exist, hands all records to the producer in order, and
     * completes when Kafka has answered for each of them. Nothing is written when a check fails.
     *
     * @return one result per record, in request order; a record that Kafka rejected carries its failure
     * @throws ProduceException {@code TOPIC_NOT_FOUND} or {@code PARTITION_NOT_FOUND}
     */
    CompletableFuture<List<RecordResult>> produce(String topic, List<ProduceRecord> records);

    /**
     * Produces records of a topic that {@link #checkTopic} found, each on its own (v3): records of one caller are
     * written in call order. When a send blocks for the producer's max.block.ms and gives up, the records after it
     * fail the same way without being tried.
     *
     * @return one future per record, in order; each completes with the result, possibly on the producer's I/O thread
     *         (never block in a continuation), or fails with {@code PARTITION_NOT_FOUND} when its partition does not
     *         exist
     */
    List<CompletableFuture<RecordResult>> produceEach(String topic, List<ProduceRecord> records);
}
