package io.kafkarest.consume.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.kafkarest.consume.core.ConsumerException;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Body of {@code POST /consumers/{group}}. v2 names the instance with {@code name}, v1 with {@code id} (id wins
 * when both are given, as in Confluent's proxy). The settings are read as any JSON value so that a wrong type is
 * answered with 42204 naming the setting; so is an unknown field.
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

    /** The fields a create request may have; any other is refused (42204), as a misspelt setting would be lost. */
    static final Set<String> FIELDS = Set.of("id", "name", "format", "auto.offset.reset", "auto.commit.enable",
            "fetch.min.bytes", "consumer.request.timeout.ms");

    /**
     * The request from its JSON object.
     *
     * @throws ConsumerException INVALID_CONFIG naming an unknown field, or a name that is not a string
     */
    static CreateConsumerRequest of(Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            return EMPTY;
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ConsumerException.invalidConfig("unknown field '" + field + "'; a create request may have "
                        + FIELDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return new CreateConsumerRequest(text(body, "id"), text(body, "name"), body.get("format"),
                body.get("auto.offset.reset"), body.get("auto.commit.enable"), body.get("fetch.min.bytes"),
                body.get("consumer.request.timeout.ms"));
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ConsumerException.invalidConfig(field + " must be a string (got " + value + ")");
    }

    public String instanceName() {
        return id != null && !id.isBlank() ? id : name;
    }
}
