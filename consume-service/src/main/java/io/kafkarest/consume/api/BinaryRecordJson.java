package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A record read by a binary consumer: key and value base64-encoded, null stays null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BinaryRecordJson(String topic, String key, String value, int partition, long offset) {
}
