package io.kafkarest.produce.core;

/**
 * A record ready to be written to Kafka.
 *
 * @param partition the target partition, or {@code null} to let the producer's partitioner choose
 * @param key       the key bytes, or {@code null} for no key
 * @param value     the value bytes, or {@code null} for a null value (a tombstone)
 */
public record ProduceRecord(Integer partition, byte[] key, byte[] value) {
}
