package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code {"offsets": [{"topic", "partition", "offset", "metadata"}...]}}: body of a commit and of a seek, and the
 * answer of the committed offsets query.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OffsetsJson(@Nullable List<TopicPartitionOffsetJson> offsets) {
}
