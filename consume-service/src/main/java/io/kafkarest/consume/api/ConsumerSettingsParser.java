package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.consume.core.ConsumerSettings;
import io.kafkarest.consume.core.OffsetReset;
import io.kafkarest.rest.EmbeddedFormat;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a create request into {@link ConsumerSettings}; an invalid value is a 42204 naming the setting. */
@Singleton
class ConsumerSettingsParser {
    /** The formats a v2 consumer can read (Confluent's v2: every embedded format). */
    static final Set<EmbeddedFormat> V2_FORMATS = EnumSet.allOf(EmbeddedFormat.class);
    /** The formats of Confluent's v1 consumer API. */
    static final Set<EmbeddedFormat> V1_FORMATS = EnumSet.of(EmbeddedFormat.BINARY, EmbeddedFormat.AVRO,
            EmbeddedFormat.JSON);

    private final Duration defaultRequestTimeout;

    ConsumerSettingsParser(ConsumerConfig config) {
        this.defaultRequestTimeout = config.requestTimeout();
    }

    /** A v2 create request. */
    ConsumerSettings parse(CreateConsumerRequest request) {
        return parse(request, 2);
    }

    /** A create request of API version 1 or 2 (they differ in the formats they allow). */
    ConsumerSettings parse(CreateConsumerRequest request, int apiVersion) {
        return new ConsumerSettings(
                format(request.format(), apiVersion == 1 ? V1_FORMATS : V2_FORMATS, apiVersion),
                offsetReset(request.autoOffsetReset()),
                autoCommit(request.autoCommitEnable()),
                integer("fetch.min.bytes", request.fetchMinBytes(), -1).orElse(-1L),
                integer("consumer.request.timeout.ms", request.requestTimeoutMs(), 0)
                        .map(Duration::ofMillis).orElse(defaultRequestTimeout));
    }

    private static EmbeddedFormat format(Object value, Set<EmbeddedFormat> allowed, int apiVersion) {
        if (value == null) {
            return EmbeddedFormat.BINARY;
        }
        String all = Arrays.stream(EmbeddedFormat.values()).filter(allowed::contains).map(EmbeddedFormat::wireName)
                .collect(Collectors.joining(", "));
        EmbeddedFormat format = (value instanceof String s ? EmbeddedFormat.fromWireName(s) : Optional.<EmbeddedFormat>empty())
                .orElseThrow(() -> ConsumerException.invalidConfig(
                        "format must be one of " + all + " (got " + describe(value) + ")"));
        if (!allowed.contains(format)) {
            throw ConsumerException.invalidConfig("format '" + format.wireName() + "' is not a v" + apiVersion
                    + " consumer format; use one of " + all);
        }
        return format;
    }

    private static Optional<OffsetReset> offsetReset(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of((value instanceof String s ? OffsetReset.parse(s) : Optional.<OffsetReset>empty())
                .orElseThrow(() -> ConsumerException.invalidConfig(
                        "auto.offset.reset must be one of earliest, latest, none (or smallest, largest) (got "
                                + describe(value) + ")")));
    }

    private static Optional<Boolean> autoCommit(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Optional.of(true);
                case "false":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        throw ConsumerException.invalidConfig("auto.commit.enable must be \"true\" or \"false\" (got "
                + describe(value) + ")");
    }

    private static Optional<Long> integer(String name, Object value, long min) {
        if (value == null) {
            return Optional.empty();
        }
        Long parsed = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            parsed = n.longValue();
        } else if (value instanceof String s) {
            try {
                parsed = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                parsed = null;
            }
        }
        if (parsed == null || parsed < min) {
            throw ConsumerException.invalidConfig(name + " must be an integer of at least " + min + " (got "
                    + describe(value) + ")");
        }
        return Optional.of(parsed);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
