package io.kafkarest.produce.api.v3;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * v3 produce settings ({@code produce.v3.*}).
 *
 * @param batchMaxEntries   the most entries a {@code records:batch} request may have (Confluent's default: 10)
 * @param streamMaxInFlight how many records of one stream may wait for Kafka's answer; the stream stops reading its
 *                          body while that many are in flight, so memory stays bounded however long it is
 */
@ConfigurationProperties("produce.v3")
public record V3ProduceSettings(
        @Bindable(defaultValue = "10") int batchMaxEntries,
        @Bindable(defaultValue = "1024") int streamMaxInFlight) {
}
