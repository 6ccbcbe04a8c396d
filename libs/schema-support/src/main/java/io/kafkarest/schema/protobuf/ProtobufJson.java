package io.kafkarest.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UninitializedMessageException;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.JsonFormat.TypeRegistry;

/**
 * Converts records between Protobuf's canonical JSON mapping and the Protobuf binary encoding of a message type,
 * as Confluent's {@code ProtobufSchemaUtils} does.
 *
 * <p>Parsing is {@link JsonFormat#parser()} with its defaults: field names in lowerCamelCase (the JSON name) or
 * as declared are both accepted, and unknown fields are an error. Printing, for the consume side, follows
 * Confluent's {@code toJson}: lowerCamelCase JSON names (not the declared names), no insignificant whitespace,
 * and fields without presence (proto3 singular scalars, repeated, maps) printed even when they hold their
 * default value ({@code alwaysPrintFieldsWithNoPresence}, protobuf-java's replacement of the deprecated
 * {@code includingDefaultValueFields} Confluent calls); enums print as names, 64-bit integers as strings.
 * Both resolve {@code google.protobuf.Any} contents among the types of the schema and its imports.
 */
public final class ProtobufJson {
    private ProtobufJson() {
    }

    /**
     * The binary encoding of the message {@code json} describes.
     *
     * @throws IllegalArgumentException with JsonFormat's message when the JSON is malformed or does not match
     *                                  the message type (unknown field, wrong type), or when a required field
     *                                  (proto2) is missing
     */
    public static byte[] toBinary(Descriptor descriptor, String json) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
        try {
            JsonFormat.parser().usingTypeRegistry(typeRegistry(descriptor)).merge(json, message);
            return message.build().toByteArray();
        } catch (InvalidProtocolBufferException | UninitializedMessageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The JSON of an encoded message, printed as described in the class documentation.
     *
     * @throws IllegalArgumentException when {@code payload} is not a valid encoding of the message type
     */
    public static String toJson(Descriptor descriptor, byte[] payload) {
        try {
            DynamicMessage message = DynamicMessage.parseFrom(descriptor, payload);
            return JsonFormat.printer()
                    .usingTypeRegistry(typeRegistry(descriptor))
                    .alwaysPrintFieldsWithNoPresence()
                    .omittingInsignificantWhitespace()
                    .print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Every message type of the descriptor's file and of the files it imports. */
    private static TypeRegistry typeRegistry(Descriptor descriptor) {
        return TypeRegistry.newBuilder().add(descriptor.getFile().getMessageTypes()).build();
    }
}
