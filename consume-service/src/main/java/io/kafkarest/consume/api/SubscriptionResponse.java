package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code {"topics": [...]}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SubscriptionResponse(List<String> topics) {
}
