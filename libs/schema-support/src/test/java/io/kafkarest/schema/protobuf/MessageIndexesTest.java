package io.kafkarest.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MessageIndexesTest {
    private static final ProtobufSchema SCHEMA = ProtobufSchemaParser.parse("""
            syntax = "proto3";
            package idx;
            message A {
              map<string, string> labels = 1;
              enum Kind { K = 0; }
              message B { }
              message C { message D { } }
            }
            enum Other { O = 0; }
            message E { }
            """);
    private static final FileDescriptor FILE = SCHEMA.fileDescriptor();

    @Test
    void firstMessageIsTheSingleByteZero() {
        assertArrayEquals(new byte[] {0}, SCHEMA.messageIndexes());
        assertArrayEquals(new byte[] {0}, MessageIndexes.encode(List.of(0)));
    }

    @Test
    void pathsCountMessagesOnlyNotEnumsOrMapEntries() {
        assertEquals(List.of(0), MessageIndexes.pathOf(FILE.findMessageTypeByName("A")));
        assertEquals(List.of(1), MessageIndexes.pathOf(FILE.findMessageTypeByName("E")));
        assertEquals(List.of(0, 0), MessageIndexes.pathOf(FILE.findMessageTypeByName("A").findNestedTypeByName("B")));
        assertEquals(List.of(0, 1, 0), MessageIndexes.pathOf(
                FILE.findMessageTypeByName("A").findNestedTypeByName("C").findNestedTypeByName("D")));
    }

    @Test
    void messageAtIsTheInverseOfPathOf() {
        for (String name : new String[] {"A", "E"}) {
            assertEquals(FILE.findMessageTypeByName(name),
                    MessageIndexes.messageAt(FILE, MessageIndexes.pathOf(FILE.findMessageTypeByName(name))));
        }
        assertEquals(FILE.findMessageTypeByName("A").findNestedTypeByName("C").findNestedTypeByName("D"),
                MessageIndexes.messageAt(FILE, List.of(0, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> MessageIndexes.messageAt(FILE, List.of(2)));
        assertThrows(IllegalArgumentException.class, () -> MessageIndexes.messageAt(FILE, List.of(0, 5)));
    }

    @Test
    void schemaOfAnotherMessageWritesItsPath() {
        ProtobufSchema second = new ProtobufSchema(FILE, FILE.findMessageTypeByName("E"), SCHEMA.canonicalText());

        assertArrayEquals(new byte[] {2, 2}, second.messageIndexes());
    }

    /** A message path and its wire format bytes. */
    private record Encoding(List<Integer> path, byte[] bytes) {
    }

    private static Stream<Encoding> encodings() {
        return Stream.of(
                new Encoding(List.of(1), new byte[] {2, 2}),
                new Encoding(List.of(0, 1), new byte[] {4, 0, 2}),
                new Encoding(List.of(0, 1, 0), new byte[] {6, 0, 2, 0}),
                new Encoding(List.of(64), new byte[] {2, (byte) 0x80, 0x01}),
                new Encoding(List.of(), new byte[] {0}));
    }

    @TestFactory
    Stream<DynamicTest> generalPathsAreCountThenIndexesAsZigzagVarints() {
        return encodings().map(encoding -> DynamicTest.dynamicTest(encoding.path().toString(),
                () -> assertArrayEquals(encoding.bytes(), MessageIndexes.encode(encoding.path()))));
    }

    @TestFactory
    Stream<DynamicTest> decodingReadsThePathAndLeavesTheBufferAfterIt() {
        return encodings().map(encoding -> DynamicTest.dynamicTest(encoding.path().toString(), () -> {
            ByteBuffer buffer = ByteBuffer.allocate(encoding.bytes().length + 1)
                    .put(encoding.bytes()).put((byte) 42).flip();

            assertEquals(encoding.path().isEmpty() ? List.of(0) : encoding.path(), MessageIndexes.decode(buffer));
            assertEquals(42, buffer.get());
        }));
    }

    @Test
    void truncatedIndexesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MessageIndexes.decode(ByteBuffer.wrap(new byte[] {4, 0})));
    }
}
