package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A record in a read's answer, for every embedded format: Confluent's v1/v2 fields {@code topic}, {@code key},
 * {@code value}, {@code partition}, {@code offset} (a null key or value is written as null), then the record's
 * {@code timestamp} (epoch millis; left out when the record has none) and its {@code headers} in record order, as
 * Strimzi's Kafka Bridge writes them. The key and value are what the format makes of the bytes: a base64 string
 * (binary) or embedded JSON (json, avro, jsonschema, protobuf).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordJson(String topic, @Nullable JsonNode key, @Nullable JsonNode value, int partition, long offset,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long timestamp,
                         List<HeaderJson> headers) {

    /** One record header: its name, and its value base64-encoded (null stays null). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HeaderJson(String key, @Nullable String value) {
    }
}
