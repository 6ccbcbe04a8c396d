package io.kafkarest.consume.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Body of {@code POST .../positions}: {@code {"offsets": [{"topic", "partition", "offset"}]}} (Confluent's) or
 * {@code {"timestamps": [{"topic", "partition", "timestamp"}]}} with epoch milliseconds or an ISO-8601 instant.
 */
@Serdeable
public record SeekRequest(@Nullable List<TopicPartitionOffsetJson> offsets,
                          @Nullable List<TopicPartitionTimestampJson> timestamps) {

    /** {@code {"topic", "partition", "timestamp"}}; the timestamp is a number (epoch millis) or an ISO-8601 text. */
    @Serdeable
    public record TopicPartitionTimestampJson(@Nullable String topic, @Nullable Integer partition,
                                              @Nullable Object timestamp) {
    }
}
