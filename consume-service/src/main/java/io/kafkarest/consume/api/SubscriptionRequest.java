package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code {"topics": [...]}} or {@code {"topic_pattern": "regex"}}. */
@Serdeable
public record SubscriptionRequest(@Nullable List<String> topics,
                                  @JsonProperty("topic_pattern") @Nullable String topicPattern) {
}
