package io.kafkarest.produce.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.schema.protobuf.ProtobufSchemaParser;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * avro, jsonschema and protobuf through v1, v2 and v3 against a real broker and a real Schema Registry (Apicurio):
 * Confluent's wire format, schema ids the registry knows under the topic's subjects, and every schema error.
 */
@MicronautTest
class SchemaFormatsTest extends ProduceTestSupport {
    private static final String AVRO_V2 = "application/vnd.kafka.avro.v2+json";
    private static final String V2 = "application/vnd.kafka.v2+json";
    private static final String USER_SCHEMA = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":[\"null\",\"int\"],\"default\":null}]}";
    private static final String PROTO = "syntax = \"proto3\";\npackage test;\nmessage Order {\n  string id = 1;\n"
            + "  int32 count = 2;\n}\n";

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Confluent's wire format: magic byte 0, then the 4-byte schema id; answers the id. */
    private static int schemaIdOf(byte[] bytes) {
        assertEquals(0, bytes[0], "magic byte");
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private static byte[] payloadOf(byte[] bytes) {
        return Arrays.copyOfRange(bytes, 5, bytes.length);
    }

    private Map<String, Object> registry(String path) throws Exception {
        TestHttp.Reply response = TestHttp.to(TestRegistry.url()).get(path);
        assertEquals(200, response.status(), path + ": " + response.body());
        return body(response.body());
    }

    @Test
    void avroV2RegistersUnderTheTopicSubjectsAndWritesTheWireFormat() throws Exception {
        String topic = createTopic(1);
        String body = "{\"key_schema\":\"\\\"string\\\"\",\"value_schema\":" + quoted(USER_SCHEMA) + ",\"records\":["
                + "{\"key\":\"k1\",\"value\":{\"name\":\"ann\",\"age\":{\"int\":31}}},"
                + "{\"key\":\"k2\",\"value\":{\"name\":\"bob\",\"age\":null}}]}";

        TestHttp.Reply response = post("/topics/" + topic, AVRO_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        Map<String, Object> answer = body(response.body());
        int keyId = intOf(answer.get("key_schema_id"));
        int valueId = intOf(answer.get("value_schema_id"));
        assertEquals(keyId, intOf(registry("/subjects/" + topic + "-key/versions/latest").get("id")));
        assertEquals(valueId, intOf(registry("/subjects/" + topic + "-value/versions/latest").get("id")));

        List<ConsumerRecord<byte[], byte[]>> written = readAll(topic, 2);
        assertEquals(valueId, schemaIdOf(written.get(0).value()));
        assertEquals(keyId, schemaIdOf(written.get(0).key()));
        Schema schema = new Schema.Parser().parse(USER_SCHEMA);
        GenericRecord first = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(payloadOf(written.get(0).value()), null));
        assertEquals("ann", first.get("name").toString());
        assertEquals(31, first.get("age"));
        // "k1" in Avro binary: zigzag length 2 -> 4, then the bytes
        assertArrayEquals(new byte[] {4, 'k', '1'}, payloadOf(written.get(0).key()));

        // the id is reused: by id, and by the same schema text (no second version)
        TestHttp.Reply again = post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema_id\":" + valueId
                + ",\"records\":[{\"value\":{\"name\":\"cy\",\"age\":null}}]}");
        assertEquals(valueId, intOf(body(again.body()).get("value_schema_id")), again.body());
        TestHttp.Reply sameText = post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema\":" + quoted(USER_SCHEMA)
                + ",\"records\":[{\"value\":{\"name\":\"di\",\"age\":null}}]}");
        assertEquals(valueId, intOf(body(sameText.body()).get("value_schema_id")), sameText.body());
        assertEquals(valueId, schemaIdOf(readAll(topic, 4).get(3).value()));
    }

    @Test
    void avroV1AcceptsABareArrayAndAnswersV1() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply response = post("/topics/" + topic, "application/vnd.kafka.avro.v1+json",
                "application/vnd.kafka.v1+json", "{\"value_schema\":\"\\\"int\\\"\",\"records\":[{\"value\":12}]}");
        assertEquals(200, response.status(), response.body());
        assertEquals("application/vnd.kafka.v1+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] value = readAll(topic, 1).get(0).value();
        assertEquals(intOf(body(response.body()).get("value_schema_id")), schemaIdOf(value));
        assertArrayEquals(new byte[] {24}, payloadOf(value)); // zigzag 12
    }

    @Test
    void jsonSchemaValidatesAndWritesTheJsonText() throws Exception {
        String topic = createTopic(1);
        String schema = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}";
        TestHttp.Reply ok = post("/topics/" + topic, "application/vnd.kafka.jsonschema.v2+json", V2,
                "{\"value_schema\":" + quoted(schema) + ",\"records\":[{\"value\":{\"n\":7}}]}");
        assertEquals(200, ok.status(), ok.body());
        byte[] value = readAll(topic, 1).get(0).value();
        assertEquals(intOf(body(ok.body()).get("value_schema_id")), schemaIdOf(value));
        assertEquals("{\"n\":7}", new String(payloadOf(value), StandardCharsets.UTF_8));
        assertEquals("JSON", registry("/subjects/" + topic + "-value/versions/latest").get("schemaType"));

        assertError(post("/topics/" + topic, "application/vnd.kafka.jsonschema.v2+json", V2,
                "{\"value_schema\":" + quoted(schema) + ",\"records\":[{\"value\":{\"n\":7}},{\"value\":{\"n\":\"x\"}}]}"),
                422, 422, "records[1].value does not match the JSON Schema");
        assertEquals(1, endOffset(topic, 0), "nothing written when one record is invalid");
    }

    @Test
    void protobufWritesMessageIndexesAndTheBinaryMessage() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply ok = post("/topics/" + topic, "application/vnd.kafka.protobuf.v2+json", V2,
                "{\"value_schema\":" + quoted(PROTO) + ",\"records\":[{\"value\":{\"id\":\"o-1\",\"count\":3}}]}");
        assertEquals(200, ok.status(), ok.body());
        byte[] value = readAll(topic, 1).get(0).value();
        assertEquals(intOf(body(ok.body()).get("value_schema_id")), schemaIdOf(value));
        byte[] payload = payloadOf(value);
        assertEquals(0, payload[0], "message indexes [0] are one zero byte");
        var descriptor = ProtobufSchemaParser.parse(PROTO).messageDescriptor();
        DynamicMessage message = DynamicMessage.parseFrom(descriptor, Arrays.copyOfRange(payload, 1, payload.length));
        assertEquals("o-1", message.getField(descriptor.findFieldByName("id")));
        assertEquals(3, message.getField(descriptor.findFieldByName("count")));
        assertEquals("PROTOBUF", registry("/subjects/" + topic + "-value/versions/latest").get("schemaType"));
    }

    @Test
    void v3RecordsUseSchemasByTextIdAndLatestVersion() throws Exception {
        String topic = createTopic(1);
        String path = "/v3/clusters/" + clusterId() + "/topics/" + topic + "/records";
        TestHttp.Reply first = post(path, "application/json", null, "{\"value\":{\"type\":\"AVRO\",\"schema\":"
                + quoted(USER_SCHEMA) + ",\"data\":{\"name\":\"ann\",\"age\":null}}}");
        Map<String, Object> report = body(first.body().trim());
        assertEquals(200, intOf(report.get("error_code")), first.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) report.get("value");
        assertEquals("AVRO", value.get("type"));
        assertEquals(topic + "-value", value.get("subject"));
        int id = intOf(value.get("schema_id"));

        // by id without a type; then by the subject's latest version with only a type
        TestHttp.Reply byId = post(path, "application/json", null,
                "{\"value\":{\"schema_id\":" + id + ",\"data\":{\"name\":\"bob\",\"age\":{\"int\":2}}}}");
        TestHttp.Reply latest = post(path, "application/json", null,
                "{\"value\":{\"type\":\"AVRO\",\"data\":{\"name\":\"cy\",\"age\":null}}}");
        for (TestHttp.Reply r : List.of(byId, latest)) {
            Map<String, Object> rep = body(r.body().trim());
            assertEquals(200, intOf(rep.get("error_code")), r.body());
            assertEquals(id, intOf(((Map<?, ?>) rep.get("value")).get("schema_id")), r.body());
        }
        readAll(topic, 3).forEach(r -> assertEquals(id, schemaIdOf(r.value())));

        Map<String, Object> mismatch = body(post(path, "application/json", null,
                "{\"value\":{\"type\":\"AVRO\",\"data\":{\"name\":1}}}").body().trim());
        assertEquals(400, intOf(mismatch.get("error_code")), mismatch.toString());
        assertTrue(mismatch.get("message").toString().contains("does not match the Avro schema"), mismatch.toString());
    }

    @Test
    void schemaErrorsAreAnsweredWithConfluentsCodes() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema\":\"\\\"int\\\"\",\"records\":[{\"key\":\"k\","
                + "\"value\":1}]}"), 422, 42201, "key_schema");
        assertError(post("/topics/" + topic, AVRO_V2, V2, "{\"records\":[{\"value\":1}]}"), 422, 42202, "value_schema");
        assertError(post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema\":\"{\\\"type\\\":\\\"nope\\\"}\","
                + "\"records\":[{\"value\":1}]}"), 422, 42205, "Invalid Avro schema");
        assertError(post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema_id\":987654,\"records\":[{\"value\":1}]}"),
                422, 42205, "987654");
        assertError(post("/topics/" + topic, "application/vnd.kafka.protobuf.v2+json", V2,
                "{\"value_schema\":\"message {\",\"records\":[{\"value\":{}}]}"), 422, 42205, "Invalid Protobuf schema");
        assertError(post("/topics/" + topic, AVRO_V2, V2, "{\"value_schema\":" + quoted(USER_SCHEMA)
                + ",\"records\":[{\"value\":{\"name\":\"a\",\"age\":null}},{\"value\":{\"name\":\"b\",\"age\":5}}]}"),
                422, 422, "records[1].value does not match the Avro schema");
        assertError(post("/topics/no-such-topic-" + topic, AVRO_V2, V2, "{\"value_schema\":\"\\\"int\\\"\","
                + "\"records\":[{\"value\":1}]}"), 404, 40401, "not found");
        assertEquals(0, endOffset(topic, 0), "nothing written");
    }
}
