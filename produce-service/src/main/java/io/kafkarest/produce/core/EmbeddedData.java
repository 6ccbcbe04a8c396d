package io.kafkarest.produce.core;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One key or value exactly as a client embedded it in a produce request: a JSON value, kept as its JSON text
 * (numbers with their original digits; whitespace as sent, or already compacted). Strings are kept decoded, since
 * binary data arrives as a base64 string. Every embedded format decodes from this, so it knows nothing of HTTP or
 * Kafka.
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

    public static final EmbeddedData NULL =
            new EmbeddedData(Kind.NULL, null, "null".getBytes(StandardCharsets.UTF_8), true);

    private final Kind kind;
    private final String string;
    private final byte[] json;
    private final boolean compact;

    private EmbeddedData(Kind kind, String string, byte[] json, boolean compact) {
        this.kind = kind;
        this.string = string;
        this.json = json;
        this.compact = compact;
    }

    public static EmbeddedData ofString(String value) {
        return new EmbeddedData(Kind.STRING, Objects.requireNonNull(value), null, true);
    }

    /** A number, boolean, object or array given as its compact UTF-8 JSON text. */
    public static EmbeddedData ofJson(Kind kind, byte[] compactJson) {
        return of(kind, compactJson, true);
    }

    /**
     * A number, boolean, object or array given as its UTF-8 JSON text as the client wrote it (whitespace included):
     * decoders that parse it anyway read it as it is, {@link #toJson()} compacts it.
     */
    public static EmbeddedData ofJsonText(Kind kind, byte[] json) {
        return of(kind, json, false);
    }

    private static EmbeddedData of(Kind kind, byte[] json, boolean compact) {
        if (kind == Kind.NULL) {
            return NULL;
        }
        if (kind == Kind.STRING) {
            throw new IllegalArgumentException("use ofString for strings");
        }
        return new EmbeddedData(kind, null, Objects.requireNonNull(json), compact);
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
            return compact ? json.clone() : JsonText.compact(json);
        }
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(string);
        byte[] out = new byte[quoted.length + 2];
        out[0] = '"';
        System.arraycopy(quoted, 0, out, 1, quoted.length);
        out[out.length - 1] = '"';
        return out;
    }

    /** The value as UTF-8 JSON text (not necessarily compact), to read without copying. */
    public java.io.InputStream jsonStream() {
        return new java.io.ByteArrayInputStream(kind == Kind.STRING ? toJson() : json);
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? "\"" + string + "\"" : new String(json, StandardCharsets.UTF_8);
    }
}
