package io.kafkarest.produce.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.kafkarest.produce.api.EmbeddedDataReader.BodySlices;
import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.EncodedRecord;
import io.kafkarest.produce.core.EncodedRecords;
import io.kafkarest.produce.core.SchemaReference;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a v1/v2 produce request:
 * <pre>{"records": [{"key": ..., "value": ..., "partition": 1}], "key_schema": ..., "value_schema_id": ...}</pre>
 * (v1 also documents a bare array of records, which is accepted too). Keys and values stay embedded JSON for the
 * format's decoder; numbers keep their digits. Malformed JSON is a 400; valid JSON of the wrong shape a 422
 * naming the field. Unknown fields are ignored.
 */
final class ProduceRequestReader {
    private ProduceRequestReader() {
    }

    /**
     * @param body          the request body (may be empty)
     * @param pathPartition the partition from the path ({@code /topics/t/partitions/p}); it wins over any
     *                      {@code partition} in the records. {@code null} for {@code /topics/t}.
     */
    static EncodedRecords read(byte[] body, Integer pathPartition) {
        if (body == null || body.length == 0) {
            throw ErrorCode.BAD_REQUEST.exception("Request body is empty; expected a JSON object with records.");
        }
        try (JsonParser p = EmbeddedDataReader.JSON.createParser(body)) {
            JsonToken root = p.nextToken();
            BodySlices slices = root == null ? null : BodySlices.of(body, p);
            EncodedRecords records;
            if (root == JsonToken.START_OBJECT) {
                records = readRequestObject(p, pathPartition, slices);
            } else if (root == JsonToken.START_ARRAY) {
                records = new EncodedRecords(readRecords(p, pathPartition, slices));
            } else {
                throw unprocessable("Request body must be a JSON object with records.");
            }
            if (p.nextToken() != null) {
                throw ErrorCode.BAD_REQUEST.exception("Malformed JSON: unexpected content after the request object.");
            }
            return records;
        } catch (StreamReadException e) {
            throw ErrorCode.BAD_REQUEST.exception("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.exception("Unreadable request body: " + e.getMessage());
        }
    }

    private static EncodedRecords readRequestObject(JsonParser p, Integer pathPartition, BodySlices slices)
            throws IOException {
        List<EncodedRecord> records = null;
        String keySchema = null;
        Integer keySchemaId = null;
        String valueSchema = null;
        Integer valueSchemaId = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            switch (field) {
                case "records" -> {
                    if (token == JsonToken.VALUE_NULL) {
                        records = null;
                    } else if (token == JsonToken.START_ARRAY) {
                        records = readRecords(p, pathPartition, slices);
                    } else {
                        throw unprocessable("records must be an array of records.");
                    }
                }
                case "key_schema" -> keySchema = readString(p, field);
                case "value_schema" -> valueSchema = readString(p, field);
                case "key_schema_id" -> keySchemaId = readInt(p, field);
                case "value_schema_id" -> valueSchemaId = readInt(p, field);
                default -> p.skipChildren();
            }
        }
        if (records == null) {
            throw unprocessable("records is required and may not be empty.");
        }
        return new EncodedRecords(records, new SchemaReference(keySchema, keySchemaId),
                new SchemaReference(valueSchema, valueSchemaId));
    }

    /** Reads the records array; the parser is on its START_ARRAY. */
    private static List<EncodedRecord> readRecords(JsonParser p, Integer pathPartition, BodySlices slices)
            throws IOException {
        List<EncodedRecord> records = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw unprocessable("records[" + records.size() + "] must be a JSON object with key, value and "
                        + "partition.");
            }
            records.add(readRecord(p, records.size(), pathPartition, slices));
        }
        if (records.isEmpty()) {
            throw unprocessable("records may not be empty.");
        }
        return records;
    }

    private static EncodedRecord readRecord(JsonParser p, int index, Integer pathPartition, BodySlices slices)
            throws IOException {
        EmbeddedData key = EmbeddedData.NULL;
        EmbeddedData value = EmbeddedData.NULL;
        Integer partition = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "key" -> key = EmbeddedDataReader.read(p, slices);
                case "value" -> value = EmbeddedDataReader.read(p, slices);
                case "partition" -> partition = readInt(p, "records[" + index + "].partition");
                default -> p.skipChildren();
            }
        }
        return new EncodedRecord(pathPartition != null ? pathPartition : partition, key, value);
    }

    private static String readString(JsonParser p, String field) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            default -> throw unprocessable(field + " must be a string.");
        };
    }

    private static Integer readInt(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw unprocessable(field + " must be an integer.");
        }
        return p.getIntValue();
    }

    private static RestException unprocessable(String message) {
        return ErrorCode.UNPROCESSABLE_ENTITY.exception(message);
    }
}
