package io.kafkarest.produce.core;

import io.kafkarest.rest.EmbeddedFormat;
import jakarta.inject.Singleton;

/**
 * The json format: a key or value is any JSON value, written to Kafka as its compact UTF-8 JSON text (a string
 * {@code "a"} is written with its quotes). JSON null means no key, or a null value.
 */
@Singleton
public class JsonRecordDecoder extends SchemalessRecordDecoder {

    @Override
    public EmbeddedFormat format() {
        return EmbeddedFormat.JSON;
    }

    @Override
    public byte[] decode(EmbeddedData data, String field) {
        return data.isNull() ? null : data.toJson();
    }
}
