package io.kafkarest.produce.core;

/**
 * Turns keys and values of one embedded format into the bytes written to Kafka. One bean per {@link RecordFormat};
 * {@link RecordDecoders} picks by format. Schema-based formats also parse schemas; {@link RecordSerializer} adds
 * Confluent's wire-format header (magic byte, schema id) around what they produce.
 */
public interface RecordDecoder {

    RecordFormat format();

    /**
     * Parses a schema of this format.
     *
     * @throws ProduceException {@code INVALID_SCHEMA} saying what is wrong with it
     */
    default ParsedSchema parseSchema(String schema) {
        throw new UnsupportedOperationException(format() + " has no schemas");
    }

    /**
     * Decodes one key or value (never JSON null: null keys and values are not decoded).
     *
     * @param data   the embedded data
     * @param schema the parsed schema for schema-based formats, {@code null} otherwise
     * @param field  the field for error messages, e.g. {@code records[2].value}
     * @return the bytes to write (for schema formats the payload after the schema id)
     * @throws ProduceException {@code INVALID_DATA} naming the field when the data does not fit
     */
    byte[] decode(EmbeddedData data, ParsedSchema schema, String field);
}
