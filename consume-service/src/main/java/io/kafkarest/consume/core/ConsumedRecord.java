package io.kafkarest.consume.core;

import java.util.List;

/**
 * A record as read from Kafka: raw key and value bytes (either may be null), its timestamp and headers.
 *
 * @param timestamp     epoch millis, or -1 when the record has none
 * @param timestampType {@code CreateTime}, {@code LogAppendTime} or {@code NoTimestampType}
 * @param headers       in record order; a header value may be null
 */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value, long timestamp,
                             String timestampType, List<Header> headers) {

    /** One record header. */
    public record Header(String name, byte[] value) {
    }

    /** A record without timestamp and headers. */
    public ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
        this(topic, partition, offset, key, value, -1, "NoTimestampType", List.of());
    }

    /** The approximate size that counts against a read's byte limits: key plus value bytes. */
    public long size() {
        return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }
}
