package io.kafkarest.produce.api.v3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kafkarest.produce.api.EmbeddedDataReader;
import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ProduceRecord.RecordHeader;
import io.kafkarest.produce.core.RecordData;
import io.kafkarest.produce.core.RecordFormat;
import io.kafkarest.produce.core.RecordProducer.OutgoingRecord;
import io.kafkarest.produce.core.SchemaReference;
import io.kafkarest.produce.format.BinaryRecordDecoder;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one v3 record, {@code {"partition_id":0,"headers":[{"name":"h","value":"base64"}],"key":{...},
 * "value":{"type":"JSON","data":...},"timestamp":"2024-01-01T00:00:00Z"}}, with a batch entry's {@code id}. A field
 * of the wrong shape is a 400 naming it (as Confluent's v3); unknown fields are ignored.
 */
final class V3RecordReader {

    /** A record as read; {@code id} only for {@code records:batch} entries. */
    record V3Record(String id, OutgoingRecord record) {
    }

    private V3RecordReader() {
    }

    /** Reads the object the parser is on (its START_OBJECT), leaving the parser on its END_OBJECT. */
    static V3Record read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad("a record must be a JSON object");
        }
        String id = null;
        Integer partition = null;
        List<RecordHeader> headers = List.of();
        RecordData key = RecordData.ABSENT;
        RecordData value = RecordData.ABSENT;
        Long timestamp = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "id" -> id = token.isScalarValue() ? p.getText() : fail("id must be a string");
                case "partition_id" -> partition = readInt(p, "partition_id");
                case "headers" -> headers = readHeaders(p);
                case "key" -> key = readData(p, "key");
                case "value" -> value = readData(p, "value");
                case "timestamp" -> timestamp = readTimestamp(p);
                default -> p.skipChildren();
            }
        }
        return new V3Record(id, new OutgoingRecord(partition, headers, key, value, timestamp));
    }

    private static List<RecordHeader> readHeaders(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw bad("headers must be an array of {name, value}");
        }
        List<RecordHeader> headers = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "headers[" + headers.size() + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad(where + " must be an object with name and value");
            }
            String name = null;
            byte[] value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "name" -> name = token == JsonToken.VALUE_STRING ? p.getText()
                            : fail(where + ".name must be a string");
                    case "value" -> value = token == JsonToken.VALUE_NULL ? null
                            : token == JsonToken.VALUE_STRING
                            ? BinaryRecordDecoder.decodeBase64(p.getText(), where + ".value")
                            : fail(where + ".value must be a base64 string");
                    default -> p.skipChildren();
                }
            }
            if (name == null) {
                throw bad(where + ".name is required");
            }
            headers.add(new RecordHeader(name, value));
        }
        return headers;
    }

    private static RecordData readData(JsonParser p, String where) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad(where + " must be an object with type and data");
        }
        RecordFormat format = null;
        EmbeddedData data = EmbeddedData.NULL;
        String schema = null;
        Integer schemaId = null;
        Integer version = null;
        String subject = null;
        String strategy = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "type" -> {
                    String type = token == JsonToken.VALUE_STRING ? p.getText() : fail(where + ".type must be a string");
                    format = RecordFormat.fromName(type).orElseThrow(() -> bad(where + ".type " + type
                            + " is not one of BINARY, JSON, STRING, AVRO, JSONSCHEMA, PROTOBUF"));
                }
                case "data" -> data = EmbeddedDataReader.read(p);
                case "schema" -> schema = token == JsonToken.VALUE_STRING ? p.getText()
                        : fail(where + ".schema must be a string");
                case "schema_id" -> schemaId = readInt(p, where + ".schema_id");
                case "schema_version" -> version = readInt(p, where + ".schema_version");
                case "subject" -> subject = token == JsonToken.VALUE_STRING ? p.getText()
                        : fail(where + ".subject must be a string");
                case "subject_name_strategy" -> strategy = token == JsonToken.VALUE_STRING ? p.getText()
                        : fail(where + ".subject_name_strategy must be a string");
                default -> p.skipChildren();
            }
        }
        return new RecordData(format, new SchemaReference(schema, schemaId, version, subject, strategy), data);
    }

    private static Integer readInt(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw bad(field + " must be an integer");
        }
        return p.getIntValue();
    }

    /** An ISO-8601 instant ({@code 2024-01-01T00:00:00Z}) or epoch milliseconds. */
    private static Long readTimestamp(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return Instant.parse(p.getText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw bad("timestamp " + p.getText() + " is not an ISO-8601 instant such as 2024-01-01T00:00:00Z");
            }
        }
        throw bad("timestamp must be an ISO-8601 string or epoch milliseconds");
    }

    private static <T> T fail(String message) {
        throw bad(message);
    }

    static RestException bad(String message) {
        return ErrorCode.BAD_REQUEST.exception("Bad Request: " + message);
    }
}
