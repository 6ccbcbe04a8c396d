package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"topic": ..., "partition": ...}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TopicPartitionJson(@Nullable String topic, @Nullable Integer partition) {
}
