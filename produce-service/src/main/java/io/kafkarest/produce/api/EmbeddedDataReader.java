package io.kafkarest.produce.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.JsonText;
import java.io.IOException;
import java.util.Arrays;

/** Reads embedded keys and values out of produce request bodies (v1, v2 and v3) with Jackson's streaming parser. */
public final class EmbeddedDataReader {
    /** The body size is bounded by the server's request size limit; one huge base64 value is legitimate. */
    public static final JsonFactory JSON = JsonText.JSON;

    private EmbeddedDataReader() {
    }

    /** Reads the JSON value the parser is on into {@link EmbeddedData}, keeping numbers' original text. */
    public static EmbeddedData read(JsonParser p) throws IOException {
        return read(p, null);
    }

    /**
     * Reads the JSON value the parser is on; an object or array is taken from {@code body} as it is (no copy through
     * a generator) when the parser reads that body.
     *
     * @param body the body the parser reads, or {@code null}
     */
    public static EmbeddedData read(JsonParser p, BodySlices body) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return EmbeddedData.NULL;
        }
        if (token == JsonToken.VALUE_STRING) {
            return EmbeddedData.ofString(p.getText());
        }
        EmbeddedData.Kind kind = switch (token) {
            case START_OBJECT -> EmbeddedData.Kind.OBJECT;
            case START_ARRAY -> EmbeddedData.Kind.ARRAY;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> EmbeddedData.Kind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> EmbeddedData.Kind.BOOLEAN;
            default -> throw new IllegalStateException("unexpected token " + token);
        };
        if (body != null && token.isStructStart()) {
            return EmbeddedData.ofJsonText(kind, body.structure(p));
        }
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            JsonText.copyCompact(p, g);
        }
        return EmbeddedData.ofJson(kind, out.toByteArray());
    }

    /**
     * A UTF-8 request body held in one array, read by a parser that reports byte offsets: an object or array in it is
     * cut out of the array as the client wrote it, which is cheaper than writing it again token by token.
     */
    public static final class BodySlices {
        private final byte[] body;
        private final long base;

        private BodySlices(byte[] body, long base) {
            this.body = body;
            this.base = base;
        }

        /**
         * For a parser on the first token of {@code body}; {@code null} when the parser gives no byte offsets (a body
         * in UTF-16 or UTF-32). The base accounts for anything the parser skipped before offset 0 (a byte-order mark).
         */
        public static BodySlices of(byte[] body, JsonParser p) {
            long offset = p.currentTokenLocation().getByteOffset();
            if (offset < 0) {
                return null;
            }
            boolean byteOrderMark = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                    && (body[2] & 0xff) == 0xBF;
            int first = byteOrderMark ? 3 : 0; // where the first token really starts
            while (first < body.length && (body[first] == ' ' || body[first] == '\t' || body[first] == '\n'
                    || body[first] == '\r')) {
                first++;
            }
            return new BodySlices(body, first - offset);
        }

        /** The object or array the parser is on, as written; leaves the parser on its last token. */
        byte[] structure(JsonParser p) throws IOException {
            long start = base + p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            long end = base + p.currentLocation().getByteOffset();
            if (start < 0 || end > body.length || start >= end || (body[(int) start] != '{' && body[(int) start] != '[')) {
                throw new IllegalStateException("the parser's byte offsets do not match the body");
            }
            return Arrays.copyOfRange(body, Math.toIntExact(start), Math.toIntExact(end));
        }
    }
}
