package io.kafkarest.produce.api.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.ProduceTestSupport;
import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** v3 streaming produce and records:batch against a real broker and registry. */
@MicronautTest
class RecordsControllerTest extends ProduceTestSupport {

    private TestHttp.Reply records(String topic, String body) throws Exception {
        return post("/v3/clusters/" + clusterId() + "/topics/" + topic + "/records", "application/json", null, body);
    }

    private List<Map<String, Object>> reports(TestHttp.Reply response) throws Exception {
        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> reports = new java.util.ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                reports.add(body(line));
            }
        }
        return reports;
    }

    @Test
    void oneRecordOfEachSchemalessTypeIsWrittenAndReported() throws Exception {
        String topic = createTopic(1);
        String body = "{\"key\":{\"type\":\"BINARY\",\"data\":\"" + b64(new byte[] {1, 2}) + "\"},"
                + "\"value\":{\"type\":\"JSON\",\"data\":{\"name\":\"testUser\"}}}"
                + " {\"value\":{\"type\":\"STRING\",\"data\":\"REST\"},\"headers\":[{\"name\":\"h\",\"value\":\""
                + b64("v".getBytes(StandardCharsets.UTF_8)) + "\"}],\"timestamp\":\"2024-01-02T03:04:05Z\"}";

        List<Map<String, Object>> reports = reports(records(topic, body));

        assertEquals(2, reports.size(), reports.toString());
        Map<String, Object> first = reports.get(0);
        assertEquals(200, intOf(first.get("error_code")));
        assertEquals(clusterId(), first.get("cluster_id"));
        assertEquals(topic, first.get("topic_name"));
        assertEquals(0, intOf(first.get("partition_id")));
        assertEquals(0, intOf(first.get("offset")));
        assertEquals(Map.of("type", "BINARY", "size", 2), first.get("key"));
        assertEquals(Map.of("type", "JSON", "size", 19), first.get("value"));
        assertEquals(1, intOf(reports.get(1).get("offset")));
        assertEquals("2024-01-02T03:04:05Z", reports.get(1).get("timestamp"));
        assertNull(reports.get(1).get("key"));

        List<ConsumerRecord<byte[], byte[]>> written = readAll(topic, 2);
        assertArrayEquals(new byte[] {1, 2}, written.get(0).key());
        assertEquals("{\"name\":\"testUser\"}", new String(written.get(0).value(), StandardCharsets.UTF_8));
        assertEquals("REST", new String(written.get(1).value(), StandardCharsets.UTF_8));
        assertArrayEquals("v".getBytes(StandardCharsets.UTF_8), written.get(1).headers().lastHeader("h").value());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z").toEpochMilli(), written.get(1).timestamp());
    }

    @Test
    void aBadRecordGetsAnErrorReportAndTheStreamGoesOn() throws Exception {
        String topic = createTopic(2);
        String body = "{\"value\":{\"type\":\"BINARY\",\"data\":\"YQ==\"}}"
                + "{\"value\":{\"type\":\"BINARY\",\"data\":\"not base64!\"}}"
                + "{\"partition_id\":7,\"value\":{\"type\":\"JSON\",\"data\":1}}"
                + "{\"value\":{\"type\":\"NOPE\",\"data\":1}}"
                + "{\"partition_id\":1,\"value\":{\"type\":\"JSON\",\"data\":2}}";

        List<Map<String, Object>> reports = reports(records(topic, body));

        assertEquals(List.of(200, 400, 40402, 400, 200),
                reports.stream().map(r -> intOf(r.get("error_code"))).toList(), reports.toString());
        assertTrue(reports.get(1).get("message").toString().contains("value.data is not valid base64"));
        assertTrue(reports.get(3).get("message").toString().contains("NOPE"));
        assertEquals(1, intOf(reports.get(4).get("partition_id")));
        assertEquals(1, endOffset(topic, 0) + endOffset(topic, 1) - 1);
    }

    @Test
    void malformedJsonEndsTheStreamWithAnError() throws Exception {
        String topic = createTopic(1);
        List<Map<String, Object>> reports = reports(records(topic,
                "{\"value\":{\"type\":\"JSON\",\"data\":1}} {\"value\":{\"type\":\"JSON\",\"data\":tru"));

        assertEquals(2, reports.size(), reports.toString());
        assertEquals(200, intOf(reports.get(0).get("error_code")));
        assertEquals(400, intOf(reports.get(1).get("error_code")));
        assertTrue(reports.get(1).get("message").toString().contains("Malformed JSON"), reports.toString());
    }

    @Test
    void unknownTopicAndClusterAre404AtOnce() throws Exception {
        assertError(records("no-such-topic", "{\"value\":{\"type\":\"JSON\",\"data\":1}}"), 404, 40401, "no-such-topic");
        assertError(post("/v3/clusters/not-this-cluster/topics/t/records", "application/json", null, "{}"),
                404, 404, "not-this-cluster");
    }

    @Test
    void batchAnswers207WithSuccessesAndFailuresInOrder() throws Exception {
        String topic = createTopic(1);
        String body = "{\"entries\":[{\"id\":\"first\",\"value\":{\"type\":\"JSON\",\"data\":\"ONE\"}},"
                + "{\"id\":\"2\",\"value\":{\"type\":\"BINARY\",\"data\":\"Message$\"}},"
                + "{\"id\":\"third\",\"value\":{\"type\":\"STRING\",\"data\":\"THREE\"}}]}";

        TestHttp.Reply response = post("/v3/clusters/" + clusterId() + "/topics/" + topic + "/records:batch",
                "application/json", null, body);

        assertEquals(207, response.status(), response.body());
        Map<String, Object> answer = body(response.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> successes = (List<Map<String, Object>>) answer.get("successes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures = (List<Map<String, Object>>) answer.get("failures");
        assertEquals(List.of("first", "third"), successes.stream().map(s -> s.get("id")).toList());
        assertEquals(Map.of("type", "JSON", "size", 5), successes.get(0).get("value"));
        assertEquals(1, failures.size());
        assertEquals("2", failures.get(0).get("id"));
        assertEquals(400, intOf(failures.get(0).get("error_code")));
        assertEquals(2, endOffset(topic, 0));
    }

    @Test
    void invalidBatchesAre42208() throws Exception {
        String topic = createTopic(1);
        String path = "/v3/clusters/" + clusterId() + "/topics/" + topic + "/records:batch";
        String entry = "{\"id\":\"%s\",\"value\":{\"type\":\"JSON\",\"data\":1}}";
        assertError(post(path, "application/json", null, "{\"entries\":[]}"), 422, 42208, "empty");
        assertError(post(path, "application/json", null,
                "{\"entries\":[" + entry.formatted("a") + "," + entry.formatted("a") + "]}"), 422, 42208, "distinct");
        String eleven = String.join(",", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> entry.formatted("e" + i)).toList());
        assertError(post(path, "application/json", null, "{\"entries\":[" + eleven + "]}"), 422, 42208, "at most 10");
        assertEquals(0, endOffset(topic, 0), "nothing written");
    }
}
