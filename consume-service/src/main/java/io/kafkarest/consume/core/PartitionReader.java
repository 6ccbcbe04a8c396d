package io.kafkarest.consume.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads records of one partition from a given offset without a consumer instance or group (the v1/v2
 * {@code GET /topics/{t}/partitions/{p}/messages?offset=&count=} that Confluent's proxy dropped in 6.0).
 */
public interface PartitionReader {

    /**
     * Up to {@code count} records of the partition from {@code offset} on, converted; fewer when the partition ends
     * sooner or {@code maxBytes} (key plus value bytes) is reached, none when {@code offset} is the end.
     *
     * @throws ConsumerException (in the future) TOPIC_NOT_FOUND, PARTITION_NOT_FOUND, or OFFSET_OUT_OF_RANGE when
     *                           {@code offset} is before the partition's first record or past its end
     */
    <T> CompletableFuture<List<T>> read(String topic, int partition, long offset, int count, long maxBytes,
                                        Function<ConsumedRecord, T> converter);
}
