package io.kafkarest.schema;

/** The schema types of the Schema Registry's API ({@code schemaType}). */
public enum SchemaType {
    AVRO, JSON, PROTOBUF;

    /** The registry's name for it; the registry omits the field for Avro. */
    public static SchemaType fromRegistryName(String name) {
        return name == null || name.isEmpty() ? AVRO : valueOf(name);
    }
}
