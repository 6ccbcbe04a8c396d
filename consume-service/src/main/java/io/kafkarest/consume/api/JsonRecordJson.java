package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** A record read by a json consumer: key and value embedded as JSON, null stays null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JsonRecordJson(String topic, JsonNode key, JsonNode value, int partition, long offset) {
}
