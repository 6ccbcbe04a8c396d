package io.kafkarest.consume.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.format.RecordDecoder;
import io.kafkarest.rest.EmbeddedFormat;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * How a consumed record is written in a read's answer, one shape for every embedded format: Confluent's v1/v2 fields
 * {@code topic}, {@code key}, {@code value}, {@code partition}, {@code offset} (a null key or value is written as
 * null), then the record's {@code timestamp} (epoch millis; left out when the record has none) and its
 * {@code headers} in record order as Strimzi's Kafka Bridge writes them ({@code [{"key": name, "value": base64}]}).
 * The key and value are what the format makes of the bytes ({@link RecordDecoder}): a base64 string (binary) or
 * embedded JSON (json, avro, jsonschema, protobuf).
 *
 * <p>Each record becomes its JSON bytes on the consumer instance's thread (it may wait for the Schema Registry), so
 * that a failing record fails before anything is answered and the event loop only writes bytes.
 */
@Singleton
class RecordFormats {
    private static final JsonFactory JSON = new JsonFactory();

    private final RecordDecoder decoder;

    RecordFormats(RecordDecoder decoder) {
        this.decoder = decoder;
    }

    /** Writes a record as one JSON object of the format. */
    Function<ConsumedRecord, byte[]> converter(EmbeddedFormat format) {
        return record -> write(format, record);
    }

    /** The answer of a read: the records' JSON objects as one JSON array. */
    static byte[] jsonArray(List<byte[]> records) {
        int size = 2 + Math.max(0, records.size() - 1);
        for (byte[] record : records) {
            size += record.length;
        }
        byte[] out = new byte[size];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] record = records.get(i);
            System.arraycopy(record, 0, out, at, record.length);
            at += record.length;
        }
        out[at] = ']';
        return out;
    }

    private byte[] write(EmbeddedFormat format, ConsumedRecord r) {
        ByteArrayBuilder out = new ByteArrayBuilder((int) Math.min(1 << 20, r.size() * 4 / 3 + 160));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("topic", r.topic());
            g.writeFieldName("key");
            decoder.write(format, r, true, g);
            g.writeFieldName("value");
            decoder.write(format, r, false, g);
            g.writeNumberField("partition", r.partition());
            g.writeNumberField("offset", r.offset());
            if (r.timestamp() >= 0) {
                g.writeNumberField("timestamp", r.timestamp());
            }
            g.writeArrayFieldStart("headers");
            for (ConsumedRecord.Header header : r.headers()) {
                g.writeStartObject();
                g.writeStringField("key", header.name());
                g.writeFieldName("value");
                if (header.value() == null) {
                    g.writeNull();
                } else {
                    g.writeBinary(header.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
