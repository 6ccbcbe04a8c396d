package io.kafkarest.produce.core;

/**
 * A record of a produce request before decoding: key and value as embedded by the client.
 *
 * @param partition the target partition, or {@code null} to let the producer's partitioner choose
 * @param key       the key ({@link EmbeddedData#NULL} when absent)
 * @param value     the value ({@link EmbeddedData#NULL} when absent)
 */
public record EncodedRecord(Integer partition, EmbeddedData key, EmbeddedData value) {
}
