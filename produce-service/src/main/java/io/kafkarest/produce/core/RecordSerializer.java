package io.kafkarest.produce.core;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns keys and values as clients embed them into the bytes written to Kafka: picks the format's decoder, resolves
 * the schema (schema formats) and writes Confluent's wire format around a schema format's payload: magic byte 0,
 * the 4-byte schema id, then the payload. One serializer serves v1, v2 and v3.
 */
@Singleton
public class RecordSerializer {
    private static final byte MAGIC_BYTE = 0;

    private final RecordDecoders decoders;
    private final SchemaResolver schemas;

    public RecordSerializer(RecordDecoders decoders, SchemaResolver schemas) {
        this.decoders = decoders;
        this.schemas = schemas;
    }

    /**
     * A v1/v2 request: one format for the whole request, one key schema and one value schema.
     *
     * @throws ProduceException 42201/42202 when a schema format has keys/values but no schema, 42205, 422 data
     */
    public DecodedRecords serialize(String topic, RecordFormat format, EncodedRecords request) {
        ResolvedSchema keySchema = schemaFor(topic, true, format, request.keySchema(), request, true);
        ResolvedSchema valueSchema = schemaFor(topic, false, format, request.valueSchema(), request, false);
        RecordDecoder decoder = decoders.forFormat(format);
        List<ProduceRecord> out = new ArrayList<>(request.records().size());
        int i = 0;
        for (EncodedRecord record : request.records()) {
            byte[] key = encode(decoder, keySchema, record.key(), "records[" + i + "].key");
            byte[] value = encode(decoder, valueSchema, record.value(), "records[" + i + "].value");
            out.add(new ProduceRecord(record.partition(), key, value));
            i++;
        }
        return new DecodedRecords(out, keySchema == null ? null : keySchema.id(),
                valueSchema == null ? null : valueSchema.id());
    }

    /** A v3 key or value; {@code field} names it in errors, e.g. {@code value}. */
    public SerializedData serialize(String topic, boolean isKey, RecordData data, String field) {
        ResolvedSchema schema = schemas.resolve(topic, isKey, data.format(), data.schema());
        RecordFormat format = schema != null ? RecordFormat.of(schema.registered().type())
                : data.format() != null ? data.format() : RecordFormat.BINARY;
        byte[] bytes = encode(decoders.forFormat(format), schema, data.data(), field);
        return new SerializedData(bytes, format, schema == null ? null : schema.registered());
    }

    private ResolvedSchema schemaFor(String topic, boolean isKey, RecordFormat format, SchemaReference ref,
                                     EncodedRecords request, boolean keys) {
        if (!format.usesSchema()) {
            return null;
        }
        if (ref.isEmpty()) {
            boolean needed = request.records().stream().anyMatch(r -> !(keys ? r.key() : r.value()).isNull());
            if (needed) {
                throw new ProduceException(keys ? ProduceException.Kind.KEY_SCHEMA_MISSING
                        : ProduceException.Kind.VALUE_SCHEMA_MISSING,
                        "Request includes " + (keys ? "keys" : "values") + " but does not include "
                                + (keys ? "key_schema or key_schema_id" : "value_schema or value_schema_id") + ".");
            }
            return null;
        }
        return schemas.resolve(topic, isKey, format, ref);
    }

    private static byte[] encode(RecordDecoder decoder, ResolvedSchema schema, EmbeddedData data, String field) {
        if (data.isNull()) {
            return null;
        }
        byte[] payload = decoder.decode(data, schema == null ? null : schema.parsed(), field);
        if (schema == null) {
            return payload;
        }
        return ByteBuffer.allocate(5 + payload.length).put(MAGIC_BYTE).putInt(schema.id()).put(payload).array();
    }
}
