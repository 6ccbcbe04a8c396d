package io.kafkarest.produce.core;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One key or value exactly as a client embedded it in a produce request: a JSON value, kept as its compact JSON
 * text (numbers with their original digits). Strings are also kept decoded, since binary data arrives as a
 * base64 string. Every embedded format decodes from this, so it knows nothing of HTTP or Kafka.
 */
public final class EmbeddedData {
    /** The JSON type of the value, for decoders and for error messages. */
    public enum Kind {
        NULL, STRING, NUMBER, BOOLEAN, OBJECT, ARRAY;

        /** e.g. "a number", for messages like "must be a string, not a number". */
        public String describe() {
            return switch (this) {
                case NULL -> "null";
                case ARRAY, OBJECT -> "an " + name().toLowerCase(java.util.Locale.ROOT);
                default -> "a " + name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    public static final EmbeddedData NULL = new EmbeddedData(Kind.NULL, null, "null".getBytes(StandardCharsets.UTF_8));

    private final Kind kind;
    private final String string;
    private final byte[] json;

    private EmbeddedData(Kind kind, String string, byte[] json) {
        this.kind = kind;
        this.string = string;
        this.json = json;
    }

    public static EmbeddedData ofString(String value) {
        return new EmbeddedData(Kind.STRING, Objects.requireNonNull(value), null);
    }

    /** A number, boolean, object or array given as its compact UTF-8 JSON text. */
    public static EmbeddedData ofJson(Kind kind, byte[] compactJson) {
        if (kind == Kind.NULL) {
            return NULL;
        }
        if (kind == Kind.STRING) {
            throw new IllegalArgumentException("use ofString for strings");
        }
        return new EmbeddedData(kind, null, Objects.requireNonNull(compactJson));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The decoded string; only for {@link Kind#STRING}. */
    public String stringValue() {
        if (kind != Kind.STRING) {
            throw new IllegalStateException("not a string but " + kind.describe());
        }
        return string;
    }

    /** The value as compact UTF-8 JSON text, e.g. {@code {"a":1}}, {@code "text"}, {@code null}. */
    public byte[] toJson() {
        if (kind != Kind.STRING) {
            return json.clone();
        }
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(string);
        byte[] out = new byte[quoted.length + 2];
        out[0] = '"';
        System.arraycopy(quoted, 0, out, 1, quoted.length);
        out[out.length - 1] = '"';
        return out;
    }

    /** The value as compact UTF-8 JSON text, to read without copying. */
    public java.io.InputStream jsonStream() {
        return new java.io.ByteArrayInputStream(kind == Kind.STRING ? toJson() : json);
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? "\"" + string + "\"" : new String(json, StandardCharsets.UTF_8);
    }
}
