package io.kafkarest.produce.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Compact JSON text, as the json and jsonschema formats write it: no whitespace, numbers with their own digits. */
public final class JsonText {
    /** Request bodies are bounded by the server's request size limit; one huge string is legitimate. */
    public static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private JsonText() {
    }

    /** {@code json} (one valid JSON value) without whitespace. */
    public static byte[] compact(byte[] json) {
        ByteArrayBuilder out = new ByteArrayBuilder(json.length);
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            p.nextToken();
            copyCompact(p, g);
        } catch (IOException e) {
            throw new UncheckedIOException("not one JSON value", e);
        }
        return out.toByteArray();
    }

    /** Copies the value the parser is on, ending on its last token; numbers are written with their source text. */
    public static void copyCompact(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IllegalStateException("unexpected token " + p.currentToken());
            }
        } while (depth > 0 && p.nextToken() != null);
    }
}
