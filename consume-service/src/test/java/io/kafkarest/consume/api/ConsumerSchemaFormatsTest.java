package io.kafkarest.consume.api;

import static io.kafkarest.consume.api.ConsumerHttp.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.SchemaRegistrySettings;
import io.kafkarest.schema.SchemaType;
import io.kafkarest.schema.protobuf.MessageIndexes;
import io.kafkarest.schema.protobuf.ProtobufSchema;
import io.kafkarest.schema.protobuf.ProtobufSchemaParser;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.TestRegistry;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reading avro, jsonschema and protobuf records against a real broker and a real Schema Registry (Apicurio, through
 * its Confluent-compatible API): records are written by a plain producer in Confluent's wire format, with schemas
 * registered by the shared registry client.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerSchemaFormatsTest implements TestPropertyProvider {
    static final String AVRO_V2 = "application/vnd.kafka.avro.v2+json";
    static final String JSONSCHEMA_V2 = "application/vnd.kafka.jsonschema.v2+json";
    static final String PROTOBUF_V2 = "application/vnd.kafka.protobuf.v2+json";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Schema USER = new Schema.Parser().parse("""
            {"type":"record","name":"User","namespace":"test","fields":[
              {"name":"name","type":"string"},
              {"name":"age","type":["null","int"],"default":null},
              {"name":"email","type":["null","string"],"default":null}]}""");
    private static final ProtobufSchema SHOP = ProtobufSchemaParser.parse("""
            syntax = "proto3";
            package shop;
            message Order { string order_id = 1; }
            message Item {
              string item_id = 1;
              int64 quantity = 2;
              repeated string tags = 3;
              bool gift = 4;
            }
            """);

    @Inject
    EmbeddedServer server;

    private ConsumerHttp http;
    private TestTopics kafka;
    private ConfluentSchemaRegistryClient registry;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "schema-registry.url", TestRegistry.url(),
                "endpoints.all.port", String.valueOf(FreePorts.next()));
    }

    @BeforeAll
    void setUp() {
        http = new ConsumerHttp(server.getURI());
        kafka = new TestTopics();
        registry = new ConfluentSchemaRegistryClient(new SchemaRegistrySettings(TestRegistry.url(), Duration.ofSeconds(10)));
    }

    @AfterAll
    void tearDown() {
        kafka.close();
    }

    @Test
    void avroRecordsAreAnsweredInAvrosJsonEncodingWithTimestampAndHeaders() {
        String topic = ConsumerHttp.unique("avro");
        kafka.create(topic, 1);
        int keyId = registry.register(topic + "-key", SchemaType.AVRO, "\"string\"");
        int valueId = registry.register(topic + "-value", SchemaType.AVRO, USER.toString());
        RecordMetadata first = kafka.send(new ProducerRecord<>(topic, 0,
                framed(keyId, avro(Schema.create(Schema.Type.STRING), "user-1")),
                framed(valueId, avro(USER, user("alice", 30, null))),
                List.of(new RecordHeader("source", "test".getBytes(StandardCharsets.UTF_8)))));
        kafka.send(topic, 0, null, framed(valueId, avro(USER, user("bob", null, "bob@example.com"))));
        String base = createAndSubscribe("avro", topic);

        List<Map<String, Object>> records = http.readUntil(base, AVRO_V2, 2);

        Map<String, Object> alice = records.get(0);
        assertEquals(topic, alice.get("topic"));
        assertEquals("user-1", alice.get("key"));
        Map<String, Object> aliceValue = new HashMap<>();
        aliceValue.put("name", "alice");
        aliceValue.put("age", Map.of("int", 30));
        aliceValue.put("email", null);
        assertEquals(aliceValue, alice.get("value"));
        assertEquals(0, ((Number) alice.get("partition")).intValue());
        assertEquals(0, ((Number) alice.get("offset")).intValue());
        assertEquals(first.timestamp(), ((Number) alice.get("timestamp")).longValue());
        assertEquals(List.of(Map.of("key", "source", "value", "dGVzdA==")), alice.get("headers"));
        Map<String, Object> bob = records.get(1);
        assertTrue(bob.containsKey("key"));
        assertNull(bob.get("key"));
        Map<String, Object> bobValue = new HashMap<>();
        bobValue.put("name", "bob");
        bobValue.put("age", null);
        bobValue.put("email", Map.of("string", "bob@example.com"));
        assertEquals(bobValue, bob.get("value"));
        assertEquals(List.of(), bob.get("headers"));
    }

    @Test
    void jsonSchemaRecordsAreAnsweredAsEmbeddedJson() {
        String topic = ConsumerHttp.unique("jsonschema");
        kafka.create(topic, 1);
        int id = registry.register(topic + "-value", SchemaType.JSON,
                "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"},\"tags\":{\"type\":\"array\"}}}");
        RecordMetadata sent = kafka.send(topic, 0, "plain key".getBytes(StandardCharsets.UTF_8), null);
        kafka.send(new ProducerRecord<>(topic, 0, (byte[]) null,
                framed(id, "{\"n\":7,\"tags\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8)),
                List.of(new RecordHeader("h", new byte[0]))));
        String base = createAndSubscribe("jsonschema", topic);

        TestHttp.Reply keyNotFramed = awaitFailure(base, JSONSCHEMA_V2);
        assertEquals(50002, keyNotFramed.errorCode(), keyNotFramed.toString());
        assertTrue(keyNotFramed.map().get("message").toString().contains("key of record " + topic + "/0/0"),
                keyNotFramed.toString());

        TestHttp.Reply seek = http.post(base + "/positions", "{\"offsets\":[{\"topic\":\"" + topic
                + "\",\"partition\":0,\"offset\":" + (sent.offset() + 1) + "}]}");
        assertEquals(204, seek.status(), seek.toString());
        List<Map<String, Object>> records = http.readUntil(base, JSONSCHEMA_V2, 1);
        assertEquals(Map.of("n", 7, "tags", List.of("a", "b")), records.getFirst().get("value"));
        assertNull(records.getFirst().get("key"));
        assertEquals(List.of(Map.of("key", "h", "value", "")), records.getFirst().get("headers"));
        assertTrue(records.getFirst().get("timestamp") instanceof Number, records.toString());
    }

    @Test
    void protobufRecordsAreReadAsTheMessageTheIndexesName() {
        String topic = ConsumerHttp.unique("protobuf");
        kafka.create(topic, 1);
        int id = registry.register(topic + "-value", SchemaType.PROTOBUF, SHOP.canonicalText());
        Descriptor item = SHOP.fileDescriptor().findMessageTypeByName("Item");
        assertEquals(List.of(1), MessageIndexes.pathOf(item));
        DynamicMessage message = DynamicMessage.newBuilder(item)
                .setField(item.findFieldByName("item_id"), "i-9")
                .setField(item.findFieldByName("quantity"), 5L)
                .addRepeatedField(item.findFieldByName("tags"), "red")
                .build();
        kafka.send(topic, 0, null, framed(id, concat(MessageIndexes.encode(List.of(1)), message.toByteArray())));
        String base = createAndSubscribe("protobuf", topic);

        List<Map<String, Object>> records = http.readUntil(base, PROTOBUF_V2, 1);

        // Protobuf's JSON mapping as Confluent prints it: JSON names, int64 as a string, fields at default printed
        assertEquals(Map.of("itemId", "i-9", "quantity", "5", "tags", List.of("red"), "gift", false),
                records.getFirst().get("value"));
        assertTrue(records.getFirst().get("timestamp") instanceof Number, records.toString());
    }

    @Test
    void recordsBeforeOneNotInTheWireFormatAreAnsweredFirst() {
        String topic = ConsumerHttp.unique("notframed");
        kafka.create(topic, 1);
        int id = registry.register(topic + "-value", SchemaType.AVRO, USER.toString());
        kafka.send(topic, 0, null, framed(id, avro(USER, user("a", 1, null))));
        kafka.send(topic, 0, null, framed(id, avro(USER, user("b", 2, null))));
        kafka.send(topic, 0, null, "not framed".getBytes(StandardCharsets.UTF_8));
        kafka.send(topic, 0, null, framed(id, avro(USER, user("d", 4, null))));
        String base = createAndSubscribe("avro", topic);

        List<Map<String, Object>> good = http.readUntil(base, AVRO_V2, 2);
        assertEquals(List.of(0, 1), good.stream().map(r -> ((Number) r.get("offset")).intValue()).toList());
        TestHttp.Reply bad = http.get(base + "/records", AVRO_V2);
        assertEquals(500, bad.status(), bad.toString());
        assertEquals(50002, bad.errorCode(), bad.toString());
        String message = bad.map().get("message").toString();
        assertTrue(message.contains("value of record " + topic + "/0/2") && message.contains("magic byte 110"),
                message);
        TestHttp.Reply again = http.get(base + "/records", AVRO_V2);
        assertEquals(50002, again.errorCode(), "the bad record is still next: " + again);
    }

    @Test
    void recordOfAnotherSchemaTypeOrUnknownIdFailsTheRead() {
        String topic = ConsumerHttp.unique("mismatch");
        kafka.create(topic, 1);
        int protobufId = registry.register(topic + "-value", SchemaType.PROTOBUF, SHOP.canonicalText());
        kafka.send(topic, 0, null, framed(protobufId, new byte[] {0}));
        String base = createAndSubscribe("avro", topic);

        TestHttp.Reply mismatch = awaitFailure(base, AVRO_V2);
        assertEquals(50002, mismatch.errorCode(), mismatch.toString());
        assertTrue(mismatch.map().get("message").toString().contains("is a PROTOBUF schema, not AVRO"),
                mismatch.toString());

        String unknown = ConsumerHttp.unique("unknown");
        kafka.create(unknown, 1);
        kafka.send(unknown, 0, null, framed(987_654, new byte[] {2}));
        TestHttp.Reply missing = awaitFailure(createAndSubscribe("avro", unknown), AVRO_V2);
        assertEquals(50002, missing.errorCode(), missing.toString());
        assertTrue(missing.map().get("message").toString().contains("schema id 987654 is not in the Schema Registry"),
                missing.toString());
    }

    @Test
    void v1ReadsAvroFromATopic() {
        String topic = ConsumerHttp.unique("v1avro");
        kafka.create(topic, 1);
        int id = registry.register(topic + "-value", SchemaType.AVRO, USER.toString());
        kafka.send(topic, 0, null, framed(id, avro(USER, user("carol", null, null))));
        String group = ConsumerHttp.unique("g");
        TestHttp.Reply created = http.send("POST", "/consumers/" + group, V1, V1,
                "{\"format\":\"avro\",\"auto.offset.reset\":\"smallest\"}");
        assertEquals(200, created.status(), created.toString());
        String base = "/consumers/" + group + "/instances/" + created.map().get("instance_id");

        List<Map<String, Object>> records = new ArrayList<>();
        Wait.until(WAIT, "the v1 avro record", () -> {
            TestHttp.Reply r = http.get(base + "/topics/" + topic, "application/vnd.kafka.avro.v1+json");
            assertEquals(200, r.status(), r.toString());
            assertEquals("application/vnd.kafka.avro.v1+json", r.contentType());
            records.addAll(r.objects());
            return !records.isEmpty();
        });
        assertEquals("carol", ((Map<?, ?>) records.getFirst().get("value")).get("name"));
    }

    private String createAndSubscribe(String format, String topic) {
        return http.createAndSubscribe(ConsumerHttp.unique("g"),
                "{\"format\":\"" + format + "\",\"auto.offset.reset\":\"earliest\"}", topic);
    }

    /** Reads until a read fails (the first reads may answer nothing while the group forms) and answers it. */
    private TestHttp.Reply awaitFailure(String base, String accept) {
        List<TestHttp.Reply> failures = new ArrayList<>();
        Wait.until(WAIT, "a failed read from " + base, () -> {
            TestHttp.Reply r = http.get(base + "/records", accept);
            if (r.status() != 200) {
                failures.add(r);
            } else {
                assertEquals("[]", r.body().replace(" ", ""), "no record should be answered: " + r);
            }
            return !failures.isEmpty();
        });
        return failures.getFirst();
    }

    static byte[] framed(int schemaId, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(schemaId).put(payload).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private static GenericData.Record user(String name, Integer age, String email) {
        GenericData.Record user = new GenericData.Record(USER);
        user.put("name", name);
        user.put("age", age);
        user.put("email", email);
        return user;
    }

    private static byte[] avro(Schema schema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(schema).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
