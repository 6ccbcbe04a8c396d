package io.kafkarest.produce.core;

import io.kafkarest.schema.RegisteredSchema;

/**
 * A key or value as written to Kafka.
 *
 * @param bytes  the bytes, or {@code null} for a null key or value
 * @param format the format it was given in
 * @param schema the registered schema used, or {@code null} for schemaless formats
 */
public record SerializedData(byte[] bytes, RecordFormat format, RegisteredSchema schema) {
    public int size() {
        return bytes == null ? 0 : bytes.length;
    }
}
