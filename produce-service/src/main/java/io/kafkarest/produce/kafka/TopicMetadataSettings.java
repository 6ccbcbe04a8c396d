package io.kafkarest.produce.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How topic metadata is looked up for produce requests ({@code produce.topic-metadata.*}).
 *
 * @param cacheTtl how long a topic known to exist (and its partition count) is trusted without asking again
 * @param timeout  how long one lookup may take before the request fails with a retriable error
 */
@ConfigurationProperties("produce.topic-metadata")
public record TopicMetadataSettings(
        @Bindable(defaultValue = "5s") Duration cacheTtl,
        @Bindable(defaultValue = "10s") Duration timeout) {
}
