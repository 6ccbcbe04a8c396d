package io.kafkarest.produce.core;

import io.kafkarest.rest.EmbeddedFormat;

/**
 * Turns the keys and values of one embedded format into the bytes written to Kafka. One bean per supported
 * {@link EmbeddedFormat}; {@link RecordDecoders} picks it by the request's format. Schema-based formats (avro,
 * jsonschema, protobuf) plug in as further implementations.
 */
public interface RecordDecoder {

    EmbeddedFormat format();

    /**
     * Decodes a whole request, or fails with a 422 {@link io.kafkarest.rest.RestException} whose message names the
     * field, e.g. {@code records[2].value}. Nothing is produced when any record fails to decode.
     */
    DecodedRecords decode(EncodedRecords records);
}
