package io.kafkarest.produce.core;

import java.util.List;

/**
 * A record ready to be written to Kafka.
 *
 * @param partition the target partition, or {@code null} to let the producer's partitioner choose
 * @param key       the key bytes, or {@code null} for no key
 * @param value     the value bytes, or {@code null} for a null value (a tombstone)
 * @param headers   the record headers (v3), empty for v1/v2
 * @param timestamp the record timestamp in epoch millis, or {@code null} for the producer's clock
 */
public record ProduceRecord(Integer partition, byte[] key, byte[] value, List<RecordHeader> headers, Long timestamp) {
    public ProduceRecord {
        headers = List.copyOf(headers);
    }

    public ProduceRecord(Integer partition, byte[] key, byte[] value) {
        this(partition, key, value, List.of(), null);
    }

    /** A header; {@code value} may be null. */
    public record RecordHeader(String name, byte[] value) {
    }
}
