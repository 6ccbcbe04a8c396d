package io.kafkarest.produce.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Writes records to a Kafka topic. One manager serves every API version (v1, v2 and later v3). */
public interface ProduceManager {

    /**
     * Checks that the topic and every requested partition exist, hands all records to the producer in order, and
     * completes when Kafka has answered for each of them. Nothing is written when a check fails. This call can
     * block (topic metadata, producer buffer), so it must not run on an event loop.
     *
     * @return one result per record, in request order; a record that Kafka rejected carries its error
     * @throws io.kafkarest.rest.RestException 40401 when the topic does not exist, 40402 when a partition does not
     */
    CompletableFuture<List<RecordResult>> produce(String topic, List<ProduceRecord> records);
}
