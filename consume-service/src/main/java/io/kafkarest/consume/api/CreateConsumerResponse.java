package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"instance_id": ..., "base_uri": ...}}: answer of a create and of the internal lookup. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreateConsumerResponse(@JsonProperty("instance_id") String instanceId,
                                     @JsonProperty("base_uri") String baseUri) {
}
