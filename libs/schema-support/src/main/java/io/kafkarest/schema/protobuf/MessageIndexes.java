package io.kafkarest.schema.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's message indexes: the path from the schema file to one message type, written after the schema id
 * in the wire format. Each index counts message types only (not enums, not the entry messages generated for
 * {@code map} fields) among the top-level messages of the file, then among the nested messages of the message
 * chosen so far. For example the second message nested in the first top-level message is {@code [0, 1]}.
 *
 * <p>Encoding: the number of indexes, then each index, all as zigzag varints (Kafka's
 * {@code ByteUtils.writeVarint}, Protobuf's {@code sint32}); the path {@code [0]}, by far the most common, is
 * shortened to the single byte {@code 0x00}.
 */
public final class MessageIndexes {
    private static final byte[] FIRST_MESSAGE = {0};

    private MessageIndexes() {
    }

    /** The path of a message type within its file, e.g. {@code [0]} for the first top-level message. */
    public static List<Integer> pathOf(Descriptor message) {
        List<Integer> path = new ArrayList<>();
        for (Descriptor current = message; current != null; current = current.getContainingType()) {
            path.addFirst(indexAmongSiblings(current));
        }
        return List.copyOf(path);
    }

    /** The wire format bytes of a message path; {@code [0]} gives the single byte {@code 0x00}. */
    public static byte[] encode(List<Integer> path) {
        if (path.equals(List.of(0))) {
            return FIRST_MESSAGE.clone();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeSInt32NoTag(path.size());
            for (int index : path) {
                out.writeSInt32NoTag(index);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with an in-memory stream
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a message path from {@code buffer}, leaving its position just after it; a count of 0 (the byte
     * {@code 0x00}) means {@code [0]}.
     *
     * @throws IllegalArgumentException if the buffer does not start with a well-formed path
     */
    public static List<Integer> decode(ByteBuffer buffer) {
        CodedInputStream in = CodedInputStream.newInstance(buffer.slice());
        try {
            int count = in.readSInt32();
            if (count < 0 || count > buffer.remaining()) {
                throw new IllegalArgumentException("invalid message index count " + count);
            }
            List<Integer> path = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                path.add(in.readSInt32());
            }
            buffer.position(buffer.position() + in.getTotalBytesRead());
            return count == 0 ? List.of(0) : List.copyOf(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or invalid message indexes: " + e.getMessage(), e);
        }
    }

    /**
     * The message type a path names within a file: the inverse of {@link #pathOf}.
     *
     * @throws IllegalArgumentException when the path names no message of the file
     */
    public static Descriptor messageAt(FileDescriptor file, List<Integer> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty message index path");
        }
        List<Descriptor> candidates = file.getMessageTypes();
        Descriptor message = null;
        for (int index : path) {
            List<Descriptor> messages = candidates.stream().filter(d -> !d.getOptions().getMapEntry()).toList();
            if (index < 0 || index >= messages.size()) {
                throw new IllegalArgumentException("message indexes " + path + " name no message of the schema");
            }
            message = messages.get(index);
            candidates = message.getNestedTypes();
        }
        return message;
    }

    private static int indexAmongSiblings(Descriptor message) {
        List<Descriptor> siblings = message.getContainingType() == null
                ? message.getFile().getMessageTypes()
                : message.getContainingType().getNestedTypes();
        int index = 0;
        for (Descriptor sibling : siblings) {
            if (sibling == message) {
                return index;
            }
            if (!sibling.getOptions().getMapEntry()) {
                index++;
            }
        }
        throw new IllegalStateException(message.getFullName() + " is not among its parent's messages");
    }
}
