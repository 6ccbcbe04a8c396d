package io.kafkarest.consume.core;

import java.util.Locale;
import java.util.Optional;

/** Where a consumer starts when its group has no committed offset (Kafka's {@code auto.offset.reset}). */
public enum OffsetReset {
    EARLIEST, LATEST, NONE;

    /** The value Kafka's consumer expects. */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses earliest / latest / none, and the v1 (old consumer) names smallest / largest. */
    public static Optional<OffsetReset> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "earliest", "smallest" -> Optional.of(EARLIEST);
            case "latest", "largest" -> Optional.of(LATEST);
            case "none" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }
}
