package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One entry of a commit's answer (v1 and v2): {@code {"topic", "partition", "consumed", "committed"}}, both offsets
 * being the committed Kafka offset (the next record the group reads).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CommittedOffsetJson(String topic, int partition, long consumed, long committed) {
}
