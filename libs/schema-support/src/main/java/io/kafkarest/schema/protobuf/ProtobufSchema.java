package io.kafkarest.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.Objects;

/**
 * A Protobuf schema ready to write records: the built file, the message type records are written as, and the
 * schema text to register.
 *
 * <p>{@code canonicalText} is the schema text exactly as the client sent it, trimmed. It is not Wire's
 * {@code toSchema()} output: that adds a "formatted by Wire" header and re-indents, so the registry would hold a
 * text the client never sent, and a client registering or looking up its own text could not recognise it.
 * Trimmed text is stable: parsing it again yields the same {@code canonicalText}.
 *
 * @param fileDescriptor    the whole schema, built against the bundled well-known types it imports
 * @param messageDescriptor the message records are written as: the first top-level message of the file, as
 *                          Confluent's serializer chooses by default
 * @param canonicalText     the schema text to register in the schema registry
 */
public record ProtobufSchema(FileDescriptor fileDescriptor, Descriptor messageDescriptor, String canonicalText) {

    public ProtobufSchema {
        Objects.requireNonNull(fileDescriptor, "fileDescriptor");
        Objects.requireNonNull(messageDescriptor, "messageDescriptor");
        Objects.requireNonNull(canonicalText, "canonicalText");
        if (messageDescriptor.getFile() != fileDescriptor) {
            throw new IllegalArgumentException(
                    "message " + messageDescriptor.getFullName() + " is not in " + fileDescriptor.getName());
        }
    }

    /**
     * The bytes Confluent's wire format puts between the 4-byte schema id and the Protobuf payload to say which
     * message of the schema the payload is: {@code 0x00} for the first top-level message.
     *
     * @see MessageIndexes#encode(java.util.List)
     */
    public byte[] messageIndexes() {
        return MessageIndexes.encode(MessageIndexes.pathOf(messageDescriptor));
    }
}
