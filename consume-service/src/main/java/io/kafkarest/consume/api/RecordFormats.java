package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.format.RecordDecoder;
import io.kafkarest.rest.EmbeddedFormat;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * How a consumed record is written in a read's answer: one {@link RecordJson} shape for every embedded format; the
 * {@link RecordDecoder} makes the key and value of the format. The converter runs on the consumer instance's
 * thread (it may wait for the Schema Registry).
 */
@Singleton
class RecordFormats {
    private final RecordDecoder decoder;

    RecordFormats(RecordDecoder decoder) {
        this.decoder = decoder;
    }

    Function<ConsumedRecord, Object> converter(EmbeddedFormat format) {
        return record -> toJson(format, record);
    }

    private RecordJson toJson(EmbeddedFormat format, ConsumedRecord r) {
        return new RecordJson(r.topic(), decoder.decode(format, r, true), decoder.decode(format, r, false),
                r.partition(), r.offset(), r.timestamp() < 0 ? null : r.timestamp(), headers(r.headers()));
    }

    private static List<RecordJson.HeaderJson> headers(List<ConsumedRecord.Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<RecordJson.HeaderJson> json = new ArrayList<>(headers.size());
        for (ConsumedRecord.Header h : headers) {
            json.add(new RecordJson.HeaderJson(h.name(), h.value() == null ? null : base64.encodeToString(h.value())));
        }
        return json;
    }
}
