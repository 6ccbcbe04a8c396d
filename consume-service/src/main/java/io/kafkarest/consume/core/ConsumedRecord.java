package io.kafkarest.consume.core;

/** A record as read from Kafka: raw key and value bytes (either may be null). */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    /** The approximate size that counts against a read's byte limits: key plus value bytes. */
    public long size() {
        return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }
}
