package io.kafkarest.bench.produce;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** The request bodies of the produce cases, built once per run (random but fixed content). */
public final class Payloads {
    /** The Avro schema of the v2-avro case: one string field. */
    static final String AVRO_SCHEMA =
            "{\"type\":\"record\",\"name\":\"BenchRecord\",\"namespace\":\"io.kafkarest.bench\","
                    + "\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";

    private final int recordSize;
    private final byte[] value;
    private final String valueBase64;

    public Payloads(int recordSize) {
        this.recordSize = recordSize;
        this.value = new byte[recordSize];
        new Random(42).nextBytes(value);
        this.valueBase64 = Base64.getEncoder().encodeToString(value);
    }

    /** The raw record value of the native client. */
    byte[] value() {
        return value;
    }

    /** v2 binary: {@code {"records":[{"value":"<base64>"}, ...]}} with {@code batch} records. */
    byte[] v2Binary(int batch) {
        StringBuilder s = new StringBuilder("{\"records\":[");
        for (int i = 0; i < batch; i++) {
            s.append(i == 0 ? "" : ",").append("{\"value\":\"").append(valueBase64).append("\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One v3 record of the stream: {@code {"value":{"type":"BINARY","data":"<base64>"}}}. */
    byte[] v3Record() {
        return ("{\"value\":{\"type\":\"BINARY\",\"data\":\"" + valueBase64 + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The string of the Avro record: record size minus 24 characters (1000 for 1 KB), so that the Avro-encoded value
     * with its 5-byte schema-id header stays just under the record size.
     */
    String avroString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(1, recordSize - 24); i++) {
            s.append((char) ('a' + i % 26));
        }
        return s.toString();
    }

    /** v2 avro, first request: the schema text plus {@code batch} records. */
    String v2AvroWithSchema(int batch) {
        return "{\"value_schema\":\"" + AVRO_SCHEMA.replace("\"", "\\\"") + "\"," + avroRecords(batch) + "}";
    }

    /** v2 avro, later requests: the schema id plus {@code batch} records. */
    byte[] v2AvroWithId(int schemaId, int batch) {
        return ("{\"value_schema_id\":" + schemaId + "," + avroRecords(batch) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private String avroRecords(int batch) {
        String record = "{\"value\":{\"f\":\"" + avroString() + "\"}}";
        StringBuilder s = new StringBuilder("\"records\":[");
        for (int i = 0; i < batch; i++) {
            s.append(i == 0 ? "" : ",").append(record);
        }
        return s.append(']').toString();
    }
}
