package io.kafkarest.produce.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** v1/v2 produce against a real broker: what the HTTP answer says must be what Kafka holds. */
@MicronautTest
class ProduceControllerTest extends ProduceTestSupport {
    private static final String BINARY_V2 = "application/vnd.kafka.binary.v2+json";
    private static final String JSON_V2 = "application/vnd.kafka.json.v2+json";
    private static final String V2 = "application/vnd.kafka.v2+json";
    private static final String V1 = "application/vnd.kafka.v1+json";

    @Test
    void binaryRecordsAreWrittenByteForByte() throws Exception {
        String topic = createTopic(3);
        byte[] key1 = {0, 1, 2, (byte) 0xff};
        byte[] value1 = "confluent".getBytes(StandardCharsets.UTF_8);
        byte[] value2 = new byte[300];
        new java.util.Random(7).nextBytes(value2);
        String body = "{\"records\":["
                + "{\"key\":\"" + b64(key1) + "\",\"value\":\"" + b64(value1) + "\"},"
                + "{\"key\":null,\"value\":\"" + b64(value2) + "\"},"
                + "{\"value\":null}]}";

        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        assertEquals(V2, contentType(response));
        List<Map<String, Object>> offsets = offsets(response);
        assertEquals(3, offsets.size());
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 3);
        byte[][] keys = {key1, null, null};
        byte[][] values = {value1, value2, null};
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<byte[], byte[]> r = find(records, offsets.get(i));
            assertArrayEquals(keys[i], r.key(), "key " + i);
            assertArrayEquals(values[i], r.value(), "value " + i);
            assertNull(offsets.get(i).get("error_code"));
        }
    }

    @Test
    void responsePrintsNullFields() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":\"a2Fma2E=\"}]}");

        assertEquals(200, response.status(), response.body());
        assertEquals("{\"offsets\":[{\"partition\":0,\"offset\":0,\"error_code\":null,\"error\":null}],"
                + "\"key_schema_id\":null,\"value_schema_id\":null}", response.body());
    }

    @Test
    void jsonValuesAreWrittenAsTheirJsonText() throws Exception {
        String topic = createTopic(1);
        String body = "{\"records\":["
                + "{\"key\":{\"id\": 1},\"value\":{\"name\": \"testUser\", \"tags\": [\"a\", \"b\"], \"é\": true}},"
                + "{\"key\":\"k\",\"value\":\"just a string\"},"
                + "{\"value\":12.50},"
                + "{\"value\":123456789012345678901234567890},"
                + "{\"value\":null},"
                + "{\"value\":[1,false,null]}]}";

        TestHttp.Reply response = post("/topics/" + topic, JSON_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 6);
        assertEquals("{\"id\":1}", text(records.get(0).key()));
        assertEquals("{\"name\":\"testUser\",\"tags\":[\"a\",\"b\"],\"é\":true}", text(records.get(0).value()));
        assertEquals("\"k\"", text(records.get(1).key()));
        assertEquals("\"just a string\"", text(records.get(1).value()));
        assertEquals("12.50", text(records.get(2).value()));
        assertNull(records.get(2).key());
        assertEquals("123456789012345678901234567890", text(records.get(3).value()));
        assertNull(records.get(4).value());
        assertEquals("[1,false,null]", text(records.get(5).value()));
    }

    @Test
    void recordPartitionIsHonoured() throws Exception {
        String topic = createTopic(3);
        String body = "{\"records\":[{\"value\":\"YQ==\",\"partition\":2},{\"value\":\"Yg==\",\"partition\":1},"
                + "{\"value\":\"Yw==\",\"partition\":2}]}";

        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> offsets = offsets(response);
        assertEquals(List.of(2, 1, 2), offsets.stream().map(o -> ((Number) o.get("partition")).intValue()).toList());
        assertEquals(List.of(0L, 0L, 1L), offsets.stream().map(o -> ((Number) o.get("offset")).longValue()).toList());
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 3);
        assertEquals("c", text(find(records, offsets.get(2)).value()));
        assertEquals("b", text(find(records, offsets.get(1)).value()));
    }

    @Test
    void partitionPathSendsEveryRecordThere() throws Exception {
        String topic = createTopic(3);
        String body = "{\"records\":[{\"key\":\"a2V5\",\"value\":\"Y29uZmx1ZW50\"},{\"value\":\"a2Fma2E=\",\"partition\":0}]}";

        TestHttp.Reply response = post("/topics/" + topic + "/partitions/1", BINARY_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> offsets = offsets(response);
        assertEquals(List.of(1, 1), offsets.stream().map(o -> ((Number) o.get("partition")).intValue()).toList());
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 2);
        assertTrue(records.stream().allMatch(r -> r.partition() == 1));
        assertEquals("key", text(records.get(0).key()));
        assertEquals("confluent", text(records.get(0).value()));
    }

    @Test
    void v1ContentTypeAnswersV1() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply response = post("/topics/" + topic, "application/vnd.kafka.binary.v1+json",
                V1 + ", application/vnd.kafka+json, application/json", "{\"records\":[{\"value\":\"bG9ncw==\"}]}");

        assertEquals(200, response.status(), response.body());
        assertEquals(V1, contentType(response));

        TestHttp.Reply json = post("/topics/" + topic + "/partitions/0", "application/vnd.kafka.json.v1+json", V1,
                "{\"records\":[{\"value\":{\"v\":1}}]}");
        assertEquals(200, json.status(), json.body());
        assertEquals(V1, contentType(json));
        assertEquals("{\"v\":1}", text(readAll(topic, 2).get(1).value()));
    }

    @Test
    void v1BareArrayOfRecordsIsAccepted() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply response = post("/topics/" + topic, "application/vnd.kafka.binary.v1+json", V1,
                "[{\"key\":\"a2V5\",\"value\":\"Y29uZmx1ZW50\"},{\"value\":\"bG9ncw==\"}]");

        assertEquals(200, response.status(), response.body());
        assertEquals("logs", text(readAll(topic, 2).get(1).value()));
    }

    @Test
    void lenientContentTypesMeanBinary() throws Exception {
        String topic = createTopic(1);
        for (String type : List.of("application/json", "application/vnd.kafka+json", V2, "application/octet-stream",
                "application/json; charset=utf-8")) {
            TestHttp.Reply response = post("/topics/" + topic, type, null, "{\"records\":[{\"value\":\"YQ==\"}]}");
            assertEquals(200, response.status(), type + ": " + response.body());
            assertEquals(V2, contentType(response), type);
        }
        assertTrue(readAll(topic, 5).stream().allMatch(r -> "a".equals(text(r.value()))));

        TestHttp.Reply v1ByAccept = post("/topics/" + topic, "application/json", V1,
                "{\"records\":[{\"value\":\"YQ==\"}]}");
        assertEquals(200, v1ByAccept.status(), v1ByAccept.body());
        assertEquals(V1, contentType(v1ByAccept));
    }

    @Test
    void unknownTopicIs40401() throws Exception {
        TestHttp.Reply response = post("/topics/no-such-topic-" + UUID.randomUUID(), BINARY_V2, V2,
                "{\"records\":[{\"value\":\"YQ==\"}]}");

        assertError(response, 404, 40401, "not found");
    }

    @Test
    void partitionOutOfRangeIs40402() throws Exception {
        String topic = createTopic(2);

        assertError(post("/topics/" + topic + "/partitions/2", BINARY_V2, V2, "{\"records\":[{\"value\":\"YQ==\"}]}"),
                404, 40402, "Partition 2");
        assertError(post("/topics/" + topic, BINARY_V2, V2,
                "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"YQ==\",\"partition\":5}]}"), 404, 40402, "Partition 5");
        assertEquals(0, endOffset(topic, 0) + endOffset(topic, 1), "nothing written when a partition is wrong");
    }

    @Test
    void partitionAddedAfterCachingIsFound() throws Exception {
        String topic = createTopic(1);
        assertEquals(200, post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":\"YQ==\"}]}").status());
        admin.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(2))).all().get();

        TestHttp.Reply response = post("/topics/" + topic + "/partitions/1", BINARY_V2, V2,
                "{\"records\":[{\"value\":\"Yg==\"}]}");

        assertEquals(200, response.status(), response.body());
        assertEquals(1, ((Number) offsets(response).get(0).get("partition")).intValue());
    }

    @Test
    void missingOrEmptyRecordsIs422() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[]}"), 422, 422, "records");
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{}"), 422, 422, "records");
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":{}}"), 422, 422, "records");
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":\"YQ==\",\"partition\":\"x\"}]}"),
                422, 422, "records[0].partition");
    }

    @Test
    void invalidBase64Is422NamingTheField() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":\"YQ==\"},{\"value\":\"not base64!\"}]}"),
                422, 422, "records[1].value");
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"key\":\"%%%\",\"value\":\"YQ==\"}]}"),
                422, 422, "records[0].key");
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":{\"a\":1}}]}"),
                422, 422, "records[0].value must be a base64-encoded string");
        assertEquals(0, endOffset(topic, 0), "nothing written when a record is invalid");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[{\"value\":\"YQ==\"}"), 400, 400, "Malformed JSON");
        assertError(post("/topics/" + topic, JSON_V2, V2, "{\"records\":[{\"value\":NaN}]}"), 400, 400, "Malformed JSON");
        assertError(post("/topics/" + topic, BINARY_V2, V2, ""), 400, 400, "empty");
    }

    @Test
    void textPlainIs415() throws Exception {
        String topic = createTopic(1);
        TestHttp.Reply response = post("/topics/" + topic, "text/plain", V2, "{\"records\":[{\"value\":\"YQ==\"}]}");

        assertEquals(415, response.status(), response.body());
        assertEquals(415, ((Number) body(response.body()).get("error_code")).intValue());
    }

    @Test
    void missingContentTypeIs415AndUnacceptableAcceptIs406() throws Exception {
        String topic = createTopic(1);
        assertError(post("/topics/" + topic, null, V2, "{\"records\":[{\"value\":\"YQ==\"}]}"), 415, 415, "Content-Type");
        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, "text/html",
                "{\"records\":[{\"value\":\"YQ==\"}]}");
        assertEquals(406, response.status(), response.body());
        assertEquals(406, ((Number) body(response.body()).get("error_code")).intValue());
        assertEquals(0, endOffset(topic, 0));
    }

    @Test
    void recordRejectedByKafkaCarriesItsOwnError() throws Exception {
        String topic = createTopic(1);
        byte[] tooLarge = new byte[2 * 1024 * 1024]; // above the producer's default max.request.size
        String body = "{\"records\":[{\"value\":\"" + b64(tooLarge) + "\"},{\"value\":\"YQ==\"}]}";

        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, V2, body);

        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> offsets = offsets(response);
        assertEquals(50002, ((Number) offsets.get(0).get("error_code")).intValue());
        assertNotNull(offsets.get(0).get("error"));
        assertNull(offsets.get(0).get("offset"));
        assertNull(offsets.get(1).get("error_code"));
        assertEquals(0L, ((Number) offsets.get(1).get("offset")).longValue());
    }

    @Test
    void largeBatchesFitTheRequestSizeLimit() throws Exception {
        String topic = createTopic(1);
        String value = b64(new byte[200 * 1024]);
        String records = String.join(",", IntStream.range(0, 80)
                .mapToObj(i -> "{\"value\":\"" + value + "\"}").toList());

        TestHttp.Reply response = post("/topics/" + topic, BINARY_V2, V2, "{\"records\":[" + records + "]}");

        assertEquals(200, response.status(), response.body().substring(0, Math.min(300, response.body().length())));
        assertEquals(80, offsets(response).size());
        assertEquals(80, endOffset(topic, 0));
    }

    // ---- helpers

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> offsets(TestHttp.Reply response) throws IOException {
        return (List<Map<String, Object>>) body(response.body()).get("offsets");
    }

    private static String contentType(TestHttp.Reply response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    private static ConsumerRecord<byte[], byte[]> find(List<ConsumerRecord<byte[], byte[]>> records,
                                                       Map<String, Object> offset) {
        int partition = ((Number) offset.get("partition")).intValue();
        long position = ((Number) offset.get("offset")).longValue();
        return records.stream().filter(r -> r.partition() == partition && r.offset() == position).findFirst()
                .orElseThrow(() -> new AssertionError("no record at " + offset));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
