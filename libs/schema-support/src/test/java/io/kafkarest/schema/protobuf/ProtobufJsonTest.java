package io.kafkarest.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProtobufJsonTest {
    private static final Descriptor ORDER = ProtobufSchemaParser.parse("""
            syntax = "proto3";
            package shop.v1;

            import "google/protobuf/timestamp.proto";

            message Order {
              string order_id = 1;
              Customer customer = 2;
              Status status = 3;
              repeated Line lines = 4;
              map<string, int32> tag_counts = 5;
              oneof payment {
                string card_number = 6;
                Voucher voucher = 7;
              }
              optional int32 priority = 8;
              google.protobuf.Timestamp created_at = 9;
              repeated int64 ids = 10;

              message Line {
                string sku = 1;
                uint32 quantity = 2;
              }
              enum Status {
                STATUS_UNKNOWN = 0;
                PLACED = 1;
                SHIPPED = 2;
              }
            }

            message Customer {
              string name = 1;
              Address address = 2;
              message Address { string city = 1; }
            }

            message Voucher { string code = 1; }
            """).messageDescriptor();

    @Test
    void proto3RecordRoundTripsFromJsonThroughBinary() throws InvalidProtocolBufferException {
        byte[] bytes = ProtobufJson.toBinary(ORDER, """
                {"orderId": "o-1", "customer": {"name": "Ann", "address": {"city": "Oslo"}},
                 "status": "SHIPPED", "lines": [{"sku": "a", "quantity": 2}, {"sku": "b", "quantity": 1}],
                 "tagCounts": {"red": 3}, "voucher": {"code": "V10"}, "priority": 0,
                 "createdAt": "2024-05-01T12:00:00Z", "ids": ["1", "2"]}
                """);

        DynamicMessage order = DynamicMessage.parseFrom(ORDER, bytes);
        Message customer = message(order, "customer");
        List<?> lines = (List<?>) field(order, "lines");
        Message tagCount = (Message) ((List<?>) field(order, "tag_counts")).getFirst();
        assertAll(
                () -> assertEquals("o-1", field(order, "order_id")),
                () -> assertEquals("Ann", field(customer, "name")),
                () -> assertEquals("Oslo", field(message(customer, "address"), "city")),
                () -> assertEquals("SHIPPED", ((EnumValueDescriptor) field(order, "status")).getName()),
                () -> assertEquals(2, lines.size()),
                () -> assertEquals("b", field((Message) lines.get(1), "sku")),
                () -> assertEquals(2, field((Message) lines.get(0), "quantity")),
                () -> assertEquals("red", field(tagCount, "key")),
                () -> assertEquals(3, field(tagCount, "value")),
                () -> assertEquals("voucher", order.getOneofFieldDescriptor(ORDER.getOneofs().getFirst()).getName()),
                () -> assertEquals("V10", field(message(order, "voucher"), "code")),
                () -> assertTrue(order.hasField(ORDER.findFieldByName("priority")), "optional 0 is present"),
                () -> assertEquals(0, field(order, "priority")),
                () -> assertEquals(Timestamp.newBuilder().setSeconds(1714564800).build(),
                        Timestamp.parseFrom(message(order, "created_at").toByteString())),
                () -> assertEquals(List.of(1L, 2L), field(order, "ids")));
    }

    @Test
    void proto2RecordGetsDefaultsAndNeedsItsRequiredFields() throws InvalidProtocolBufferException {
        Descriptor config = ProtobufSchemaParser.parse("""
                syntax = "proto2";
                message Config {
                  required string name = 1;
                  optional int32 retries = 2 [default = 3];
                }
                """).messageDescriptor();

        DynamicMessage parsed = DynamicMessage.parseFrom(config, ProtobufJson.toBinary(config, "{\"name\": \"x\"}"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ProtobufJson.toBinary(config, "{\"retries\": 1}"));

        assertEquals("x", field(parsed, "name"));
        assertFalse(parsed.hasField(config.findFieldByName("retries")));
        assertEquals(3, field(parsed, "retries"));
        assertTrue(missing.getMessage().contains("missing required fields: name"), missing.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> jsonThatDoesNotMatchTheSchemaIsRejectedWithJsonFormatsMessage() {
        return Map.of(
                        "{\"orderId\": \"o-1\", \"colour\": \"red\"}",
                        "Cannot find field: colour in message shop.v1.Order",
                        "{\"lines\": [{\"quantity\": \"many\"}]}", "many",
                        "{\"status\": \"LOST\"}", "LOST",
                        "{\"orderId\": \"o-1\"", "End of input at line 1 column 18")
                .entrySet().stream()
                .map(test -> DynamicTest.dynamicTest(test.getKey(), () -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> ProtobufJson.toBinary(ORDER, test.getKey()));

                    assertTrue(e.getMessage().contains(test.getValue()), e.getMessage());
                }));
    }

    @Test
    void printsJsonLikeConfluentWithLowerCamelNamesAndFieldsWithoutPresence() {
        Descriptor item = ProtobufSchemaParser.parse("""
                syntax = "proto3";
                message Item { string item_id = 1; int32 count = 2; repeated string tags = 3; optional int32 rank = 4;
                               int64 big = 5; }
                """).messageDescriptor();

        String json = ProtobufJson.toJson(item, ProtobufJson.toBinary(item, "{\"item_id\": \"i\", \"big\": 7}"));

        assertEquals("{\"itemId\":\"i\",\"count\":0,\"tags\":[],\"big\":\"7\"}", json);
    }

    @Test
    void anyContentsResolveAmongTheSchemasTypes() {
        Descriptor envelope = ProtobufSchemaParser.parse("""
                syntax = "proto3";
                package ev;
                import "google/protobuf/any.proto";
                message Envelope { google.protobuf.Any payload = 1; }
                message Ping { string id = 1; }
                """).messageDescriptor();
        String json = "{\"payload\":{\"@type\":\"type.googleapis.com/ev.Ping\",\"id\":\"p1\"}}";

        assertEquals(json, ProtobufJson.toJson(envelope, ProtobufJson.toBinary(envelope, json)));
    }

    @Test
    void bytesThatAreNotTheMessageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProtobufJson.toJson(ORDER, new byte[] {(byte) 0xFF}));
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    private static Message message(Message message, String name) {
        return (Message) field(message, name);
    }
}
