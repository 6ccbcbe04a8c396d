package io.kafkarest.produce.core;

import io.kafkarest.schema.SchemaType;

/** A schema parsed by the decoder of its format, ready to check and encode data. Immutable. */
public interface ParsedSchema {

    SchemaType type();

    /** The text registered in the Schema Registry for this schema. */
    String text();

    /** The fully qualified name of the record (message) type, for the RECORD_NAME subject strategies; or null. */
    String recordName();
}
