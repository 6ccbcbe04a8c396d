package io.kafkarest.schema;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where the Schema Registry is ({@code schema-registry.*}; env {@code SCHEMA_REGISTRY_URL}).
 *
 * @param url     the base URL of its Confluent-compatible API, e.g. {@code http://registry:8080/apis/ccompat/v7};
 *                null when none is configured (schema formats then answer 503 50301 in both services)
 * @param timeout how long one registry call may take
 */
@ConfigurationProperties("schema-registry")
public record SchemaRegistrySettings(
        @Nullable String url,
        @Bindable(defaultValue = "10s") Duration timeout) {
}
