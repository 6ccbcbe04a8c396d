package io.kafkarest.produce.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The schema caches of the produce path ({@code produce.schemas.*}).
 *
 * @param cacheSize      how many schemas of each kind (by id, by text, by subject version) are kept
 * @param latestCacheTtl how long "the latest version of a subject" is trusted (v3 records naming no schema)
 */
@ConfigurationProperties("produce.schemas")
public record SchemaSettings(
        @Bindable(defaultValue = "10000") long cacheSize,
        @Bindable(defaultValue = "30s") Duration latestCacheTtl) {
}
