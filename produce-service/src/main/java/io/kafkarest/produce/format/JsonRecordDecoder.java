package io.kafkarest.produce.format;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import jakarta.inject.Singleton;

/** The json format: any JSON value, written as its compact UTF-8 JSON text (a string with its quotes). */
@Singleton
public class JsonRecordDecoder implements RecordDecoder {

    @Override
    public RecordFormat format() {
        return RecordFormat.JSON;
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        return data.toJson();
    }
}
