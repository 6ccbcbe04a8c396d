package io.kafkarest.consume.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The consume service's settings ({@code consumer.*} in application.yml; raw Kafka consumer keys are
 * micronaut-kafka's, {@code kafka.*} and {@code kafka.consumers.default.*}, instead).
 *
 * @param advertisedUrl     the URL of this node as clients/the gateway reach it, used in {@code base_uri};
 *                          blank = {@code http://<this host's IP>:<server port>} (env CONSUMER_ADVERTISED_URL)
 * @param instanceTimeoutMs idle consumer instances are closed after this long (env CONSUMER_INSTANCE_TIMEOUT_MS)
 * @param requestTimeoutMs  default wait of a read (Confluent's consumer.request.timeout.ms; env
 *                          CONSUMER_REQUEST_TIMEOUT_MS)
 * @param requestMaxBytes   upper bound of a read's max_bytes (Confluent's consumer.request.max.bytes; env
 *                          CONSUMER_REQUEST_MAX_BYTES)
 * @param partitionReaders  consumers (and threads) that serve reads by offset, {@code GET /topics/{t}/partitions/
 *                          {p}/messages}; more reads wait their turn (env CONSUMER_PARTITION_READERS)
 */
@ConfigurationProperties("consumer")
public record ConsumerConfig(
        @Nullable String advertisedUrl,
        @Bindable(defaultValue = "300000") long instanceTimeoutMs,
        @Bindable(defaultValue = "1000") long requestTimeoutMs,
        @Bindable(defaultValue = "67108864") long requestMaxBytes,
        @Bindable(defaultValue = "4") int partitionReaders) {

    public Duration instanceTimeout() {
        return Duration.ofMillis(instanceTimeoutMs);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMs);
    }
}
