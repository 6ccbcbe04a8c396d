package io.kafkarest.produce.format;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** v3's STRING type: a JSON string, written as its UTF-8 bytes (no quotes). */
@Singleton
public class StringRecordDecoder implements RecordDecoder {

    @Override
    public RecordFormat format() {
        return RecordFormat.STRING;
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        if (data.kind() != EmbeddedData.Kind.STRING) {
            throw ProduceException.invalidData(field, "must be a string, not " + data.kind().describe());
        }
        return data.stringValue().getBytes(StandardCharsets.UTF_8);
    }
}
