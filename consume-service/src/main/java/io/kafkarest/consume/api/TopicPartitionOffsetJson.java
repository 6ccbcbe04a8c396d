package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"topic", "partition", "offset", "metadata"}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TopicPartitionOffsetJson(@Nullable String topic, @Nullable Integer partition, @Nullable Long offset,
                                       @Nullable String metadata) {
}
