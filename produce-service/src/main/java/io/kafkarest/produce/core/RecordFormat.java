package io.kafkarest.produce.core;

import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.schema.SchemaType;
import java.util.Locale;
import java.util.Optional;

/**
 * How a key or value is given in a produce request: the v1/v2 embedded formats plus v3's STRING. The name is v3's
 * {@code type}; the schema-based ones name their registry schema type.
 */
public enum RecordFormat {
    BINARY(null), JSON(null), STRING(null),
    AVRO(SchemaType.AVRO), JSONSCHEMA(SchemaType.JSON), PROTOBUF(SchemaType.PROTOBUF);

    private final SchemaType schemaType;

    RecordFormat(SchemaType schemaType) {
        this.schemaType = schemaType;
    }

    /** The registry schema type, or {@code null} for schemaless formats. */
    public SchemaType schemaType() {
        return schemaType;
    }

    public boolean usesSchema() {
        return schemaType != null;
    }

    public static RecordFormat of(EmbeddedFormat format) {
        return valueOf(format.name());
    }

    public static RecordFormat of(SchemaType type) {
        return switch (type) {
            case AVRO -> AVRO;
            case JSON -> JSONSCHEMA;
            case PROTOBUF -> PROTOBUF;
        };
    }

    /** v3's {@code type} (any case). */
    public static Optional<RecordFormat> fromName(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
