package io.kafkarest.consume.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One stateful consumer instance: a Kafka consumer in a group, owned by this node. Every operation runs on the
 * instance's own thread, one at a time, in the order called; the futures complete there. An operation on an
 * instance that was closed fails with {@link ConsumerException.Kind#INSTANCE_NOT_FOUND}.
 */
public interface ConsumerInstance {

    ConsumerInstanceId id();

    ConsumerSettings settings();

    /** Replaces the subscription (topics or pattern). */
    CompletableFuture<Void> subscribe(Subscription subscription);

    /**
     * Subscribes to the one topic if the consumer has no subscription or assignment yet (v1 read from a topic);
     * fails with {@link ConsumerException.Kind#ALREADY_SUBSCRIBED} if it follows other topics and with
     * {@link ConsumerException.Kind#TOPIC_NOT_FOUND} if the topic does not exist.
     */
    CompletableFuture<Void> subscribeIfUnsubscribed(String topic);

    /** The subscribed topics (for a pattern, the topics it currently matches), sorted. */
    CompletableFuture<List<String>> subscription();

    CompletableFuture<Void> unsubscribe();

    /**
     * Reads records within the limits and converts them. Only the records returned count as consumed: the
     * position of every partition moves past exactly those records. If the conversion of any record fails,
     * the whole read fails and no position moves.
     */
    <T> CompletableFuture<List<T>> read(ReadLimits limits, Function<ConsumedRecord, T> converter);

    /**
     * Commits the given offsets (Kafka's sense: the next record to read), or, when the list is empty, the
     * positions of all assigned partitions (what was returned so far). Answers what was committed.
     */
    CompletableFuture<List<PartitionOffset>> commit(List<PartitionOffset> offsets);

    /** The group's committed offsets of the partitions (all assigned partitions when the list is empty). */
    CompletableFuture<List<PartitionOffset>> committed(List<PartitionRef> partitions);

    CompletableFuture<Void> seek(List<PartitionOffset> positions);

    /**
     * Moves each partition to its first record with the timestamp or a later one; to the end of the partition when
     * it has none.
     */
    CompletableFuture<Void> seekToTimestamps(List<PartitionTimestamp> timestamps);

    CompletableFuture<Void> seekToBeginning(List<PartitionRef> partitions);

    CompletableFuture<Void> seekToEnd(List<PartitionRef> partitions);

    /** Manually assigns partitions (instead of a subscription). */
    CompletableFuture<Void> assign(List<PartitionRef> partitions);

    CompletableFuture<List<PartitionRef>> assignment();

    /** Leaves the group and releases the Kafka consumer; aborts a read in progress. Idempotent. */
    CompletableFuture<Void> close();
}
