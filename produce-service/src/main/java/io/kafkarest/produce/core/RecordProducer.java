package io.kafkarest.produce.core;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Produces v3 records: serializes each key and value (each with its own format and schema), then hands the records to
 * the {@link ProduceManager}. Used by streaming produce and by {@code records:batch}.
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
     * Serializes and sends the records, in order. Call from a thread that may block (schema lookups); records sent by
     * one caller are written in call order. A record that does not serialize fails alone; when a send blocks for the
     * producer's max.block.ms and gives up, the records after it fail the same way (see
     * {@link ProduceManager#produceEach}).
     *
     * @return one future per record, in order: completes when Kafka answered (possibly on the producer's I/O thread);
     *         fails with the {@link ProduceException} or Kafka exception that stopped the record
     */
    public List<CompletableFuture<ProducedRecord>> produceAll(String topic, List<OutgoingRecord> records) {
        List<CompletableFuture<ProducedRecord>> results = new ArrayList<>(Collections.nCopies(records.size(), null));
        List<ProduceRecord> serialized = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        List<SerializedData[]> keysAndValues = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            OutgoingRecord record = records.get(i);
            SerializedData key;
            SerializedData value;
            try {
                key = record.key() == RecordData.ABSENT ? null
                        : serializer.serialize(topic, true, record.key(), "key.data");
                value = record.value() == RecordData.ABSENT ? null
                        : serializer.serialize(topic, false, record.value(), "value.data");
            } catch (RuntimeException e) {
                results.set(i, CompletableFuture.failedFuture(e));
                continue;
            }
            serialized.add(new ProduceRecord(record.partition(), key == null ? null : key.bytes(),
                    value == null ? null : value.bytes(), record.headers(), record.timestamp()));
            positions.add(i);
            keysAndValues.add(new SerializedData[] {key, value});
        }
        List<CompletableFuture<RecordResult>> sent = manager.produceEach(topic, serialized);
        for (int j = 0; j < sent.size(); j++) {
            SerializedData[] keyAndValue = keysAndValues.get(j);
            results.set(positions.get(j), sent.get(j).thenCompose(result -> result.succeeded()
                    ? CompletableFuture.completedFuture(new ProducedRecord(result, keyAndValue[0], keyAndValue[1]))
                    : CompletableFuture.failedFuture(result.failure())));
        }
        return results;
    }
}
