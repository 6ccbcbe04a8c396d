package io.kafkarest.rest;

import java.util.Locale;
import java.util.Optional;

/** How keys and values are embedded in a JSON request or response (Confluent REST Proxy v1/v2). */
public enum EmbeddedFormat {
    BINARY, JSON, AVRO, JSONSCHEMA, PROTOBUF;

    /** The name as it appears in media types and in a consumer's {@code format} field. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EmbeddedFormat> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (EmbeddedFormat f : values()) {
            if (f.wireName().equalsIgnoreCase(name.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
