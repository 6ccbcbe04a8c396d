package io.kafkarest.produce.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kafkarest.produce.core.EmbeddedData;
import java.io.IOException;

/** Reads embedded keys and values out of produce request bodies (v1, v2 and v3) with Jackson's streaming parser. */
public final class EmbeddedDataReader {
    /** The body size is bounded by the server's request size limit; one huge base64 value is legitimate. */
    public static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private EmbeddedDataReader() {
    }

    /** Reads the JSON value the parser is on into {@link EmbeddedData}, keeping numbers' original text. */
    public static EmbeddedData read(JsonParser p) throws IOException {
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
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            copyCompact(p, g);
        }
        return EmbeddedData.ofJson(kind, out.toByteArray());
    }

    /** Copies the value the parser is on, ending on its last token; numbers are written with their source text. */
    private static void copyCompact(JsonParser p, JsonGenerator g) throws IOException {
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
