package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code {"partitions": [{"topic", "partition"}...]}}: body of seek-to-beginning/end, assign and the committed
 * offsets query, and the answer of the assignment query.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PartitionsJson(@Nullable List<TopicPartitionJson> partitions) {
}
