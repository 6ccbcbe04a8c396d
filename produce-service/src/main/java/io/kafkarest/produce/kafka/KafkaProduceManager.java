package io.kafkarest.produce.kafka;

import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.ProduceMetrics;
import io.kafkarest.produce.core.ProduceManager;
import io.kafkarest.produce.core.ProduceRecord;
import io.kafkarest.produce.core.RecordResult;
import io.kafkarest.produce.core.TopicMetadata;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Produces through the process's {@link SharedProducer}; checks topics and partitions first. */
@Singleton
public class KafkaProduceManager implements ProduceManager {
    private final SharedProducer producer;
    private final TopicMetadata metadata;
    private final Executor completionExecutor;
    private final AnswerDeadlines deadlines;
    private final ProduceMetrics metrics;

    /**
     * @param completionExecutor where results complete, so that callers' continuations never run on the producer's
     *                           network thread
     * @param deadlines          answers the records Kafka does not answer in time
     * @param metrics            counts every record's outcome
     */
    @Inject
    public KafkaProduceManager(SharedProducer producer, TopicMetadata metadata,
                               @Named(TaskExecutors.BLOCKING) Executor completionExecutor, AnswerDeadlines deadlines,
                               ProduceMetrics metrics) {
        this.producer = producer;
        this.metadata = metadata;
        this.completionExecutor = completionExecutor;
        this.deadlines = deadlines;
        this.metrics = metrics;
    }

    public KafkaProduceManager(SharedProducer producer, TopicMetadata metadata, Executor completionExecutor,
                               AnswerDeadlines deadlines) {
        this(producer, metadata, completionExecutor, deadlines, ProduceMetrics.NONE);
    }

    @Override
    public void checkTopic(String topic) {
        if (metadata.partitionCount(topic).isEmpty()) {
            throw ProduceException.topicNotFound(topic);
        }
    }

    @Override
    public CompletableFuture<List<RecordResult>> produce(String topic, List<ProduceRecord> records) {
        int highest = -1;
        for (ProduceRecord record : records) {
            if (record.partition() != null) {
                highest = Math.max(highest, checkNotNegative(topic, record.partition()));
            }
        }
        checkPartition(topic, highest);
        List<CompletableFuture<RecordResult>> results = sendInOrder(topic, records, false);
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> results.stream().map(CompletableFuture::join).toList(), completionExecutor);
    }

    @Override
    public List<CompletableFuture<RecordResult>> produceEach(String topic, List<ProduceRecord> records) {
        return sendInOrder(topic, records, true);
    }

    /**
     * Sends the records in order; after a send that blocked and gave up ({@link #blockedFor}) the rest fail the same
     * way without being tried.
     *
     * @param checkEach whether to check each record's partition first (a bad one fails alone, PARTITION_NOT_FOUND)
     */
    private List<CompletableFuture<RecordResult>> sendInOrder(String topic, List<ProduceRecord> records,
                                                              boolean checkEach) {
        List<CompletableFuture<RecordResult>> results = new ArrayList<>(records.size());
        Throwable blocked = null;
        for (ProduceRecord record : records) {
            if (blocked != null) {
                RecordResult failed = RecordResult.failed(record.partition(), blocked);
                metrics.record(topic, failed);
                results.add(CompletableFuture.completedFuture(failed));
                continue;
            }
            if (checkEach && record.partition() != null) {
                try {
                    checkPartition(topic, checkNotNegative(topic, record.partition()));
                } catch (ProduceException e) {
                    results.add(CompletableFuture.failedFuture(e));
                    continue;
                }
            }
            CompletableFuture<RecordResult> result = send(topic, record);
            results.add(result);
            blocked = blockedFor(result);
        }
        return results;
    }

    /**
     * The failure of a send that blocked for max.block.ms and gave up (no metadata for the topic, or no buffer
     * space), else null. The rest of the request fails the same way without trying: when every broker is gone, each
     * send would block as long again, and a request of 100 records would hang for 100 x max.block.ms.
     */
    private static Throwable blockedFor(CompletableFuture<RecordResult> result) {
        if (!result.isDone()) {
            return null;
        }
        Throwable failure = result.join().failure();
        return failure instanceof TimeoutException ? failure : null;
    }

    private static int checkNotNegative(String topic, int partition) {
        if (partition < 0) {
            throw ProduceException.partitionNotFound(topic, partition);
        }
        return partition;
    }

    /** Checks the topic, and that the partition ({@code -1}: none) exists, asking again if the cache says no. */
    private void checkPartition(String topic, int partition) {
        OptionalInt count = metadata.partitionCount(topic);
        if (count.isPresent() && partition >= count.getAsInt()) {
            count = metadata.refreshPartitionCount(topic); // partitions may have been added since it was cached
        }
        if (count.isEmpty()) {
            throw ProduceException.topicNotFound(topic);
        }
        if (partition >= count.getAsInt()) {
            throw ProduceException.partitionNotFound(topic, partition);
        }
    }

    private CompletableFuture<RecordResult> send(String topic, ProduceRecord record) {
        CompletableFuture<RecordResult> result = new CompletableFuture<>();
        Producer<byte[], byte[]> current = producer.get();
        try {
            current.send(toKafka(topic, record), (written, failure) -> {
                if (failure == null) {
                    result.complete(RecordResult.written(written.partition(), written.offset(), written.timestamp()));
                } else {
                    producer.failed(current, failure);
                    result.complete(RecordResult.failed(record.partition(), failure));
                }
            });
        } catch (KafkaException | IllegalStateException failure) {
            producer.failed(current, failure);
            result.complete(RecordResult.failed(record.partition(), failure));
        }
        deadlines.watch(result, record.partition());
        result.thenAccept(answered -> metrics.record(topic, answered)); // written, failed, or not answered in time
        return result;
    }

    private static ProducerRecord<byte[], byte[]> toKafka(String topic, ProduceRecord record) {
        List<Header> headers = record.headers().isEmpty() ? null : record.headers().stream()
                .<Header>map(h -> new RecordHeader(h.name(), h.value())).toList();
        return new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(), record.value(),
                headers);
    }
}
