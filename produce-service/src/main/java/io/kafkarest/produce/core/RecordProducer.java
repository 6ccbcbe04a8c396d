package io.kafkarest.produce.core;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Produces v3 records one at a time: serializes key and value (each with its own format and schema), then hands the
 * record to the {@link ProduceManager}. Used by streaming produce and by {@code records:batch}.
 */
@Singleton
public class RecordProducer {
    private final RecordSerializer serializer;
    private final ProduceManager manager;

    public RecordProducer(RecordSerializer serializer, ProduceManager manager) {
        this.serializer = serializer;
        this.manager = manager;
    }

    /**
     * A record to produce.
     *
     * @param partition the partition, or {@code null} for the partitioner's choice
     * @param headers   the headers
     * @param key       the key ({@link RecordData#ABSENT} for none)
     * @param value     the value ({@link RecordData#ABSENT} for none)
     * @param timestamp epoch millis, or {@code null}
     */
    public record OutgoingRecord(Integer partition, List<ProduceRecord.RecordHeader> headers, RecordData key,
                                 RecordData value, Long timestamp) {
    }

    /** A record Kafka answered for: where it went (or why not) and what its key and value were. */
    public record ProducedRecord(RecordResult result, SerializedData key, SerializedData value) {
    }

    /**
     * Serializes and sends the record. Call from a thread that may block (schema lookups); records sent by one caller
     * are written in call order.
     *
     * @return completes when Kafka answered (possibly on the producer's I/O thread); fails with the
     *         {@link ProduceException} or Kafka exception that stopped the record
     */
    public CompletableFuture<ProducedRecord> produce(String topic, OutgoingRecord record) {
        SerializedData key;
        SerializedData value;
        try {
            key = record.key() == RecordData.ABSENT ? null : serializer.serialize(topic, true, record.key(), "key.data");
            value = record.value() == RecordData.ABSENT ? null
                    : serializer.serialize(topic, false, record.value(), "value.data");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ProduceRecord kafkaRecord = new ProduceRecord(record.partition(), key == null ? null : key.bytes(),
                value == null ? null : value.bytes(), record.headers(), record.timestamp());
        return manager.produceOne(topic, kafkaRecord).thenCompose(result -> result.succeeded()
                ? CompletableFuture.completedFuture(new ProducedRecord(result, key, value))
                : CompletableFuture.failedFuture(result.failure()));
    }
}
