package io.kafkarest.produce.core;

/**
 * A v3 key or value: {@code {"type": ..., "data": ..., "schema_id": ..., "schema": ..., ...}}.
 *
 * @param format the type, or {@code null} when the request names none (then the schema it names decides, else binary)
 * @param schema the schema it names, {@link SchemaReference#NONE} for none
 * @param data   the data ({@link EmbeddedData#NULL} for null)
 */
public record RecordData(RecordFormat format, SchemaReference schema, EmbeddedData data) {
    public static final RecordData ABSENT = new RecordData(null, SchemaReference.NONE, EmbeddedData.NULL);
}
