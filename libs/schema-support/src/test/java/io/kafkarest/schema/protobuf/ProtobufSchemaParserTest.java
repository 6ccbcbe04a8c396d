package io.kafkarest.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProtobufSchemaParserTest {

    @Test
    void firstTopLevelMessageIsTheOneToWriteEvenWhenItReferencesLaterMessages() {
        ProtobufSchema schema = ProtobufSchemaParser.parse("""
                syntax = "proto3";
                package shop;
                message Order { Item item = 1; Status status = 2; }
                message Item { string sku = 1; }
                enum Status { UNKNOWN = 0; PLACED = 1; }
                """);

        Descriptor order = schema.messageDescriptor();
        assertEquals("shop.Order", order.getFullName());
        assertEquals("shop.Item", order.findFieldByName("item").getMessageType().getFullName());
        assertEquals("shop.Status", order.findFieldByName("status").getEnumType().getFullName());
        assertArrayEquals(new byte[] {0}, schema.messageIndexes());
    }

    @Test
    void typeReferencesResolveRelativeToTheirScopeOrFullyQualified() {
        Descriptor outer = ProtobufSchemaParser.parse("""
                syntax = "proto3";
                package a.b;
                message Outer {
                  Inner relative = 1;
                  .a.b.Outer.Inner qualified = 2;
                  b.Sibling partly_qualified = 3;
                  Inner.Deep nested_path = 4;
                  message Inner {
                    message Deep { Kind kind = 1; }
                  }
                  enum Kind { K0 = 0; K1 = 1; }
                }
                message Sibling { .a.b.Outer.Kind kind = 1; }
                """).messageDescriptor();

        assertAll(
                () -> assertEquals("a.b.Outer.Inner", messageTypeOf(outer, "relative")),
                () -> assertEquals("a.b.Outer.Inner", messageTypeOf(outer, "qualified")),
                () -> assertEquals("a.b.Sibling", messageTypeOf(outer, "partly_qualified")),
                () -> assertEquals("a.b.Outer.Inner.Deep", messageTypeOf(outer, "nested_path")),
                () -> assertEquals("a.b.Outer.Kind", outer.findFieldByName("nested_path").getMessageType()
                        .findFieldByName("kind").getEnumType().getFullName()),
                () -> assertEquals("a.b.Outer.Kind", outer.getFile().findMessageTypeByName("Sibling")
                        .findFieldByName("kind").getEnumType().getFullName()));
    }

    @Test
    void generatesWhatProtocGeneratesForMapsOptionalFieldsAndJsonNames() {
        Descriptor message = ProtobufSchemaParser.parse("""
                syntax = "proto3";
                message Stats {
                  map<string, Stats> tag_counts = 1;
                  optional int32 max_value = 2;
                  oneof choice { string a_b = 3; int32 c = 4; }
                  string renamed = 5 [json_name = "other"];
                  repeated int32 samples = 6;
                  repeated int32 unpacked = 7 [packed = false];
                }
                """).messageDescriptor();

        FieldDescriptor map = message.findFieldByName("tag_counts");
        Descriptor entry = map.getMessageType();
        assertAll(
                () -> assertEquals(List.of("tag_counts", "max_value", "a_b", "c", "renamed", "samples", "unpacked"),
                        message.getFields().stream().map(FieldDescriptor::getName).toList(), "source order"),
                () -> assertTrue(map.isMapField()),
                () -> assertEquals("Stats.TagCountsEntry", entry.getFullName()),
                () -> assertTrue(entry.getOptions().getMapEntry()),
                () -> assertEquals("Stats", entry.findFieldByName("value").getMessageType().getFullName()),
                () -> assertEquals("tagCounts", map.getJsonName()),
                () -> assertEquals("aB", message.findFieldByName("a_b").getJsonName()),
                () -> assertEquals("other", message.findFieldByName("renamed").getJsonName()),
                () -> assertTrue(message.findFieldByName("max_value").hasPresence()),
                () -> assertEquals("_max_value", message.findFieldByName("max_value").getContainingOneof().getName()),
                () -> assertNull(message.findFieldByName("max_value").getRealContainingOneof(), "synthetic oneof"),
                () -> assertEquals(1, message.getRealOneofs().size()),
                () -> assertEquals("choice", message.findFieldByName("c").getRealContainingOneof().getName()),
                () -> assertTrue(message.findFieldByName("samples").isPacked()),
                () -> assertFalse(message.findFieldByName("unpacked").isPacked()));
    }

    @Test
    void proto2DefaultsRequiredFieldsAndPacking() {
        Descriptor config = ProtobufSchemaParser.parse("""
                syntax = "proto2";
                package legacy;
                message Config {
                  required string name = 1;
                  optional int32 retries = 2 [default = 3];
                  optional string greeting = 3 [default = "hello\\tworld"];
                  optional Mode mode = 4 [default = FAST];
                  optional bytes magic = 5 [default = "\\001\\377ab"];
                  optional double ratio = 6 [default = -inf];
                  optional bool enabled = 7 [default = true];
                  repeated int32 plain = 8;
                  repeated int32 packed_values = 9 [packed = true];
                  enum Mode { SLOW = 1; FAST = 2; }
                }
                """).messageDescriptor();

        DynamicMessage empty = DynamicMessage.getDefaultInstance(config);
        assertAll(
                () -> assertTrue(config.findFieldByName("name").isRequired()),
                () -> assertEquals(3, empty.getField(config.findFieldByName("retries"))),
                () -> assertEquals("hello\tworld", empty.getField(config.findFieldByName("greeting"))),
                () -> assertEquals("FAST", ((EnumValueDescriptor) empty.getField(config.findFieldByName("mode")))
                        .getName()),
                () -> assertEquals(ByteString.copyFrom(new byte[] {1, (byte) 0xFF, 'a', 'b'}),
                        empty.getField(config.findFieldByName("magic"))),
                () -> assertEquals(Double.NEGATIVE_INFINITY, empty.getField(config.findFieldByName("ratio"))),
                () -> assertEquals(true, empty.getField(config.findFieldByName("enabled"))),
                () -> assertFalse(config.findFieldByName("plain").isPacked()),
                () -> assertTrue(config.findFieldByName("packed_values").isPacked()));
    }

    @TestFactory
    Stream<DynamicTest> wellKnownTypesCanBeImported() {
        return Map.of(
                        "google/protobuf/timestamp.proto", "google.protobuf.Timestamp",
                        "google/protobuf/duration.proto", "google.protobuf.Duration",
                        "google/protobuf/wrappers.proto", "google.protobuf.StringValue",
                        "google/protobuf/struct.proto", "google.protobuf.Struct",
                        "google/protobuf/any.proto", "google.protobuf.Any",
                        "google/protobuf/empty.proto", "google.protobuf.Empty",
                        "google/protobuf/field_mask.proto", "google.protobuf.FieldMask")
                .entrySet().stream()
                .map(wellKnown -> DynamicTest.dynamicTest(wellKnown.getKey(), () -> {
                    Descriptor message = ProtobufSchemaParser.parse("""
                            syntax = "proto3";
                            package app;
                            import "%s";
                            message Holder { %s value = 1; }
                            """.formatted(wellKnown.getKey(), wellKnown.getValue())).messageDescriptor();

                    assertEquals(wellKnown.getValue(), messageTypeOf(message, "value"));
                }));
    }

    @Test
    void canonicalTextIsTheTrimmedTextAndStableWhenParsedAgain() {
        String text = "syntax = \"proto3\";\n// an order\nmessage Order {\n  string id = 1;\n}";

        ProtobufSchema schema = ProtobufSchemaParser.parse("\n  " + text + "\n\n");

        assertEquals(text, schema.canonicalText());
        assertEquals(text, ProtobufSchemaParser.parse(schema.canonicalText()).canonicalText());
    }

    @Test
    void syntaxErrorsSayWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtobufSchemaParser.parse(
                "syntax = \"proto3\";\nmessage Order {\n  string id = ;\n}"));

        assertTrue(e.getMessage().startsWith("invalid Protobuf schema: Syntax error in schema.proto:3:"),
                e.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> invalidOrUnsupportedSchemasAreRejectedWithAReason() {
        return Stream.of(
                        rejected("syntax = \"proto3\"; enum Kind { A = 0; }", "schema has no message type"),
                        rejected("", "schema has no message type"),
                        rejected("syntax = \"proto3\"; message M { Missing m = 1; }",
                                "M.m: \"Missing\" is not defined"),
                        rejected("syntax = \"proto3\"; import \"refs/other.proto\"; message M { int32 a = 1; }",
                                "unsupported import \"refs/other.proto\""),
                        rejected("syntax = \"proto3\"; message M { int32 a = 1; int32 b = 1; }",
                                "M.b: Field number 1 has already been used in \"M\" by field \"a\""),
                        rejected("syntax = \"proto3\"; message M { int32 a = 1 [default = 5]; }",
                                "M.a: explicit default values are not allowed in proto3"),
                        rejected("syntax = \"proto2\"; message M { optional group G = 1 { optional int32 a = 2; } }",
                                "groups are not supported"),
                        rejected("syntax = \"proto2\"; message M { extensions 10 to 20; }"
                                + " extend M { optional int32 e = 10; }",
                                "extensions (extend declarations) are not supported"))
                .map(test -> DynamicTest.dynamicTest(test.expected(), () -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> ProtobufSchemaParser.parse(test.schema()));

                    assertTrue(e.getMessage().contains(test.expected()), e.getMessage());
                }));
    }

    private record Rejected(String schema, String expected) {
    }

    private static Rejected rejected(String schema, String expectedMessagePart) {
        return new Rejected(schema, expectedMessagePart);
    }

    private static String messageTypeOf(Descriptor message, String field) {
        return message.findFieldByName(field).getMessageType().getFullName();
    }
}
