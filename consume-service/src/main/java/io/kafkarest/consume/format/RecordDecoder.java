package io.kafkarest.consume.format;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.schema.SchemaType;
import io.kafkarest.schema.protobuf.MessageIndexes;
import io.kafkarest.schema.protobuf.ProtobufJson;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * Turns the key or value bytes of a consumed record into the JSON a read answers, per embedded format:
 * <ul>
 *   <li>binary: a base64 string;</li>
 *   <li>json: the bytes parsed as one JSON value (empty bytes are null);</li>
 *   <li>avro, jsonschema, protobuf: Confluent's wire format (magic byte 0, 4-byte schema id, payload), the schema
 *       looked up by id in the Schema Registry (cached); Avro in Avro's JSON encoding (unions wrapped, as
 *       Confluent's {@code AvroSchemaUtils.toJson}), JSON Schema payloads as they are, Protobuf messages (of the
 *       message the indexes name) in Protobuf's JSON mapping as Confluent's {@code ProtobufSchemaUtils.toJson}
 *       prints it.</li>
 * </ul>
 * A null key or value is JSON null in every format. Runs on a consumer instance's thread (may block on the
 * registry). Failures are {@link ConsumerException}s naming the record: {@code DESERIALIZATION_FAILED}, or
 * {@code REGISTRY_UNAVAILABLE}.
 */
@Singleton
public class RecordDecoder {
    private final JsonMapper jsonMapper;
    private final RegisteredSchemas schemas;

    RecordDecoder(JsonMapper jsonMapper, RegisteredSchemas schemas) {
        this.jsonMapper = jsonMapper;
        this.schemas = schemas;
    }

    /** The JSON of the record's key ({@code isKey}) or value in the format; {@code null} for a null key/value. */
    public JsonNode decode(EmbeddedFormat format, ConsumedRecord record, boolean isKey) {
        byte[] bytes = isKey ? record.key() : record.value();
        if (bytes == null) {
            return null;
        }
        return switch (format) {
            case BINARY -> JsonNode.createStringNode(Base64.getEncoder().encodeToString(bytes));
            case JSON -> bytes.length == 0 ? null : parseJson(bytes, new Where(format, record, isKey), "not valid JSON");
            case AVRO, JSONSCHEMA, PROTOBUF -> decodeSchemaFormat(format, bytes, new Where(format, record, isKey));
        };
    }

    private JsonNode decodeSchemaFormat(EmbeddedFormat format, byte[] bytes, Where where) {
        ConfluentWireFormat framed;
        try {
            framed = ConfluentWireFormat.read(bytes);
        } catch (IllegalArgumentException e) {
            throw where.failed(e.getMessage(), e);
        }
        DecodingSchema schema = schemas.byId(framed.schemaId(), where.toString());
        SchemaType expected = switch (format) {
            case AVRO -> SchemaType.AVRO;
            case JSONSCHEMA -> SchemaType.JSON;
            default -> SchemaType.PROTOBUF;
        };
        if (schema.type() != expected) {
            throw where.failed("schema " + framed.schemaId() + " is a " + schema.type() + " schema, not "
                    + expected, null);
        }
        ByteBuffer payload = framed.payload();
        return switch (schema) {
            case DecodingSchema.Avro avro -> parseJson(avroJson(avro, payload, where), where, "not valid JSON");
            case DecodingSchema.Json json -> parseJson(remaining(payload), where, "not valid JSON");
            case DecodingSchema.Protobuf protobuf -> parseJson(protobufJson(protobuf, payload, where), where,
                    "not valid JSON");
        };
    }

    private static byte[] avroJson(DecodingSchema.Avro avro, ByteBuffer payload, Where where) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload.array(),
                    payload.arrayOffset() + payload.position(), payload.remaining(), null);
            Object datum = avro.reader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(avro.schema(), out);
            avro.writer().write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw where.failed("its payload does not match Avro schema " + avro.schema().getFullName() + " ("
                    + e + ")", e);
        }
    }

    private static byte[] protobufJson(DecodingSchema.Protobuf protobuf, ByteBuffer payload, Where where) {
        try {
            List<Integer> path = MessageIndexes.decode(payload);
            return ProtobufJson.toJson(protobuf.message(path), remaining(payload))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw where.failed("its Protobuf payload does not match the schema (" + e.getMessage() + ")", e);
        }
    }

    private JsonNode parseJson(byte[] json, Where where, String problem) {
        try {
            return jsonMapper.readValue(json, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw where.failed("it is " + problem + " (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Which part of which record is being decoded, for error messages. */
    private record Where(EmbeddedFormat format, ConsumedRecord record, boolean isKey) {
        ConsumerException failed(String problem, Throwable cause) {
            return new ConsumerException(ConsumerException.Kind.DESERIALIZATION_FAILED,
                    "Cannot deserialize " + this + ": " + problem + "; the record stays next to read", cause);
        }

        @Override
        public String toString() {
            return "the " + (isKey ? "key" : "value") + " of record " + record.topic() + "/" + record.partition()
                    + "/" + record.offset() + " as " + format.wireName();
        }
    }
}
