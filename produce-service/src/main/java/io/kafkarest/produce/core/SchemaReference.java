package io.kafkarest.produce.core;

/**
 * How a produce request names the schema of its keys or of its values, for schema-based embedded formats:
 * the full schema text, or the id of a registered schema. Schemaless formats (binary, json) ignore it.
 */
public record SchemaReference(String schema, Integer id) {
    public static final SchemaReference NONE = new SchemaReference(null, null);

    public boolean isEmpty() {
        return schema == null && id == null;
    }
}
