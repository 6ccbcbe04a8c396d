package io.kafkarest.produce.kafka;

import io.kafkarest.produce.core.ProduceManager;
import io.kafkarest.produce.core.ProduceRecord;
import io.kafkarest.produce.core.RecordResult;
import io.kafkarest.produce.core.TopicMetadata;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.scheduling.TaskExecutors;
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
import org.apache.kafka.common.errors.RetriableException;

/** Produces through the process's one shared {@link Producer}; checks topics and partitions first. */
@Singleton
public class KafkaProduceManager implements ProduceManager {
    private final Producer<byte[], byte[]> producer;
    private final TopicMetadata metadata;
    private final Executor completionExecutor;

    /**
     * @param completionExecutor where the combined result completes, so that callers' continuations never run
     *                           on the producer's network thread
     */
    public KafkaProduceManager(Producer<byte[], byte[]> producer, TopicMetadata metadata,
                               @Named(TaskExecutors.BLOCKING) Executor completionExecutor) {
        this.producer = producer;
        this.metadata = metadata;
        this.completionExecutor = completionExecutor;
    }

    @Override
    public CompletableFuture<List<RecordResult>> produce(String topic, List<ProduceRecord> records) {
        checkTopicAndPartitions(topic, records);
        List<CompletableFuture<RecordResult>> results = new ArrayList<>(records.size());
        for (ProduceRecord record : records) {
            results.add(send(topic, record));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> results.stream().map(CompletableFuture::join).toList(), completionExecutor);
    }

    private void checkTopicAndPartitions(String topic, List<ProduceRecord> records) {
        int highest = -1;
        for (ProduceRecord record : records) {
            if (record.partition() != null) {
                if (record.partition() < 0) {
                    throw partitionNotFound(topic, record.partition());
                }
                highest = Math.max(highest, record.partition());
            }
        }
        OptionalInt count = metadata.partitionCount(topic);
        if (count.isPresent() && highest >= count.getAsInt()) {
            count = metadata.refreshPartitionCount(topic); // partitions may have been added since it was cached
        }
        if (count.isEmpty()) {
            throw ErrorCode.TOPIC_NOT_FOUND.exception("Topic " + topic + " not found.");
        }
        if (highest >= count.getAsInt()) {
            throw partitionNotFound(topic, highest);
        }
    }

    private static RuntimeException partitionNotFound(String topic, int partition) {
        return ErrorCode.PARTITION_NOT_FOUND.exception("Partition " + partition + " of topic " + topic + " not found.");
    }

    private CompletableFuture<RecordResult> send(String topic, ProduceRecord record) {
        CompletableFuture<RecordResult> result = new CompletableFuture<>();
        ProducerRecord<byte[], byte[]> producerRecord =
                new ProducerRecord<>(topic, record.partition(), record.key(), record.value());
        try {
            producer.send(producerRecord, (written, failure) -> result.complete(failure == null
                    ? RecordResult.written(written.partition(), written.offset(), written.timestamp())
                    : failed(record, failure)));
        } catch (KafkaException failure) {
            result.complete(failed(record, failure));
        }
        return result;
    }

    private static RecordResult failed(ProduceRecord record, Throwable failure) {
        ErrorCode code = failure instanceof RetriableException ? ErrorCode.KAFKA_RETRIABLE_ERROR : ErrorCode.KAFKA_ERROR;
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return RecordResult.failed(record.partition(), code, message);
    }
}
