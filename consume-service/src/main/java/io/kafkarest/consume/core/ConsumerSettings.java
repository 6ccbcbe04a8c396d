package io.kafkarest.consume.core;

import io.kafkarest.rest.EmbeddedFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a consumer instance is created with.
 *
 * @param format           how records are embedded in read responses; reads must ask for this format
 * @param autoOffsetReset  Kafka's {@code auto.offset.reset}; empty keeps the configured/Kafka default
 * @param autoCommit       Kafka's {@code enable.auto.commit}; empty keeps the configured/Kafka default (true)
 * @param responseMinBytes a read answers once at least this many key+value bytes are collected (or at its
 *                         timeout); 0 or less means as soon as any record is there
 * @param requestTimeout   how long a read waits for records when the request names no timeout
 */
public record ConsumerSettings(EmbeddedFormat format, Optional<OffsetReset> autoOffsetReset,
                               Optional<Boolean> autoCommit, long responseMinBytes, Duration requestTimeout) {
    public ConsumerSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(autoOffsetReset, "autoOffsetReset");
        Objects.requireNonNull(autoCommit, "autoCommit");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static ConsumerSettings defaults(EmbeddedFormat format, Duration requestTimeout) {
        return new ConsumerSettings(format, Optional.empty(), Optional.empty(), -1, requestTimeout);
    }
}
