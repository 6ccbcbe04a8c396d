package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /consumers/{group}}. v2 names the instance with {@code name}, v1 with {@code id} (id wins
 * when both are given, as in Confluent's proxy). The settings are read as any JSON value so that a wrong type is
 * answered with 42204 naming the setting.
 */
@Serdeable
public record CreateConsumerRequest(
        @Nullable String id,
        @Nullable String name,
        @Nullable Object format,
        @JsonProperty("auto.offset.reset") @Nullable Object autoOffsetReset,
        @JsonProperty("auto.commit.enable") @Nullable Object autoCommitEnable,
        @JsonProperty("fetch.min.bytes") @Nullable Object fetchMinBytes,
        @JsonProperty("consumer.request.timeout.ms") @Nullable Object requestTimeoutMs) {

    public static final CreateConsumerRequest EMPTY = new CreateConsumerRequest(null, null, null, null, null, null, null);

    public String instanceName() {
        return id != null && !id.isBlank() ? id : name;
    }
}
