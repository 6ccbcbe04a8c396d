package io.kafkarest.produce.format;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import io.kafkarest.schema.SchemaType;
import io.kafkarest.schema.protobuf.ProtobufJson;
import io.kafkarest.schema.protobuf.ProtobufSchema;
import io.kafkarest.schema.protobuf.ProtobufSchemaParser;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The protobuf format: the schema is {@code .proto} text, data is protobuf's JSON mapping of its first message type,
 * written in protobuf binary after Confluent's message indexes (which message of the schema it is).
 */
@Singleton
public class ProtobufRecordDecoder implements RecordDecoder {

    @Override
    public RecordFormat format() {
        return RecordFormat.PROTOBUF;
    }

    @Override
    public ParsedSchema parseSchema(String schema) {
        try {
            return new Parsed(ProtobufSchemaParser.parse(schema));
        } catch (IllegalArgumentException e) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA, "Invalid Protobuf schema: " + e.getMessage());
        }
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        ProtobufSchema protobuf = ((Parsed) schema).schema;
        byte[] message;
        try {
            message = ProtobufJson.toBinary(protobuf.messageDescriptor(),
                    new String(data.toJson(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProduceException.invalidData(field, "does not match the Protobuf schema: " + e.getMessage());
        }
        byte[] indexes = protobuf.messageIndexes();
        return ByteBuffer.allocate(indexes.length + message.length).put(indexes).put(message).array();
    }

    private record Parsed(ProtobufSchema schema) implements ParsedSchema {
        @Override
        public SchemaType type() {
            return SchemaType.PROTOBUF;
        }

        @Override
        public String text() {
            return schema.canonicalText();
        }

        @Override
        public String recordName() {
            return schema.messageDescriptor().getFullName();
        }
    }
}
