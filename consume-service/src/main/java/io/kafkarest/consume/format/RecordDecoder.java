package io.kafkarest.consume.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.schema.SchemaType;
import io.kafkarest.schema.protobuf.MessageIndexes;
import io.kafkarest.schema.protobuf.ProtobufJson;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * A null key or value is JSON null in every format. The JSON is written straight into the answer's generator (no
 * tree, no base64 string in between): at 1 KB records that writing is most of a read's cost. Embedded JSON is
 * checked and compacted on the way, numbers keeping their digits. Runs on a consumer instance's thread (may block on
 * the registry). Failures are {@link ConsumerException}s naming the record: {@code DESERIALIZATION_FAILED}, or
 * {@code REGISTRY_UNAVAILABLE}; the generator is then in an undefined state and its output must be dropped.
 */
@Singleton
public class RecordDecoder {
    private static final JsonFactory JSON = new JsonFactory();

    private final RegisteredSchemas schemas;

    RecordDecoder(RegisteredSchemas schemas) {
        this.schemas = schemas;
    }

    /** Writes the JSON of the record's key ({@code isKey}) or value in the format; null for a null key/value. */
    public void write(EmbeddedFormat format, ConsumedRecord record, boolean isKey, JsonGenerator g) throws IOException {
        byte[] bytes = isKey ? record.key() : record.value();
        if (bytes == null || (format == EmbeddedFormat.JSON && bytes.length == 0)) {
            g.writeNull();
            return;
        }
        switch (format) {
            case BINARY -> g.writeBinary(bytes);
            case JSON -> copyJson(bytes, g, new Where(format, record, isKey));
            case AVRO, JSONSCHEMA, PROTOBUF -> writeSchemaFormat(format, bytes, g, new Where(format, record, isKey));
        }
    }

    private void writeSchemaFormat(EmbeddedFormat format, byte[] bytes, JsonGenerator g, Where where)
            throws IOException {
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
        byte[] json = switch (schema) {
            case DecodingSchema.Avro avro -> avroJson(avro, payload, where);
            case DecodingSchema.Json ignored -> remaining(payload);
            case DecodingSchema.Protobuf protobuf -> protobufJson(protobuf, payload, where);
        };
        copyJson(json, g, where);
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

    /** Copies one JSON value, checking it on the way (numbers as written; nothing may follow it). */
    private static void copyJson(byte[] json, JsonGenerator g, Where where) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON value");
            }
            int depth = 0;
            do {
                if (p.currentToken().isNumeric()) {
                    g.writeNumber(p.getText()); // as written: no rounding, no change of notation
                } else {
                    g.copyCurrentEvent(p);
                }
                if (p.currentToken().isStructStart()) {
                    depth++;
                } else if (p.currentToken().isStructEnd()) {
                    depth--;
                }
            } while (depth > 0 && p.nextToken() != null);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw where.failed("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
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
