package io.kafkarest.produce.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.EncodedRecord;
import io.kafkarest.produce.core.EncodedRecords;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProduceRequestReaderTest {

    private static EncodedRecords read(String body) {
        return ProduceRequestReader.read(body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String json(EmbeddedData data) {
        return new String(data.toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void readsRecordsWithKeysValuesAndPartitions() {
        EncodedRecords records = read("{\"records\":[{\"key\":\"a2V5\",\"value\":\"dmFs\",\"partition\":2},"
                + "{\"value\":{\"a\": [1, 2.50, \"x\"]}},{}], \"extra\": {\"ignored\": [1]}}");

        assertEquals(3, records.records().size());
        EncodedRecord first = records.records().get(0);
        assertEquals("a2V5", first.key().stringValue());
        assertEquals("dmFs", first.value().stringValue());
        assertEquals(2, first.partition());
        EncodedRecord second = records.records().get(1);
        assertTrue(second.key().isNull());
        assertEquals(EmbeddedData.Kind.OBJECT, second.value().kind());
        assertEquals("{\"a\":[1,2.50,\"x\"]}", json(second.value()));
        assertNull(second.partition());
        assertTrue(records.records().get(2).value().isNull());
        assertTrue(records.keySchema().isEmpty());
    }

    private static String text(EmbeddedData data) throws Exception {
        try (var in = data.jsonStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void objectsAreTakenFromTheBodyAsWrittenAndCompactedOnlyWhenAsked() throws Exception {
        String value = "{ \"f\" : [ 1.50 , {\"g\": \"a } ] \\\" b\"} ],\n\t\"h\": null }";
        for (String body : List.of(
                "{\"records\":[{\"value\":" + value + "}, {\"key\": [ 1 ],\"value\":" + value + "}]}",
                "\uFEFF  {\"records\":[{\"value\":" + value + "}, {\"key\": [ 1 ],\"value\":" + value + "}]}",
                " \r\n[{\"value\":" + value + "},{\"key\":[ 1 ],\"value\":" + value + "}]")) {
            EncodedRecords records = read(body);

            assertEquals(value, text(records.records().get(0).value()), body);
            assertEquals(value, text(records.records().get(1).value()), body);
            assertEquals("[ 1 ]", text(records.records().get(1).key()), body);
            assertEquals("{\"f\":[1.50,{\"g\":\"a } ] \\\" b\"}],\"h\":null}",
                    json(records.records().get(1).value()), body);
            assertEquals("[1]", json(records.records().get(1).key()), body);
        }
    }

    @Test
    void keepsNumbersAndStringsExactly() {
        EncodedRecords records = read("{\"records\":[{\"value\":1E+2},{\"value\":-0.0},"
                + "{\"value\":123456789012345678901234567890.000001},{\"value\":\"tab\\there \\u00e9 \\\"q\\\"\"},"
                + "{\"value\":true},{\"value\":[]}]}");

        assertEquals("1E+2", json(records.records().get(0).value()));
        assertEquals("-0.0", json(records.records().get(1).value()));
        assertEquals("123456789012345678901234567890.000001", json(records.records().get(2).value()));
        assertEquals("tab\there é \"q\"", records.records().get(3).value().stringValue());
        assertEquals("\"tab\\there é \\\"q\\\"\"", json(records.records().get(3).value()));
        assertEquals(EmbeddedData.Kind.BOOLEAN, records.records().get(4).value().kind());
        assertEquals("[]", json(records.records().get(5).value()));
    }

    @Test
    void pathPartitionWins() {
        EncodedRecords records = ProduceRequestReader.read(
                "{\"records\":[{\"value\":null,\"partition\":0},{\"value\":null}]}".getBytes(StandardCharsets.UTF_8), 3);

        assertEquals(3, records.records().get(0).partition());
        assertEquals(3, records.records().get(1).partition());
    }

    @Test
    void readsSchemaReferences() {
        EncodedRecords records = read("{\"key_schema_id\":7,\"value_schema\":\"{\\\"type\\\":\\\"int\\\"}\","
                + "\"records\":[{\"value\":1}]}");

        assertEquals(7, records.keySchema().id());
        assertEquals("{\"type\":\"int\"}", records.valueSchema().schema());
    }

    @Test
    void acceptsV1BareArray() {
        assertEquals(2, read("[{\"value\":\"YQ==\"},{\"value\":\"Yg==\",\"partition\":1}]").records().size());
    }

    @Test
    void malformedJsonIsBadRequest() {
        for (String body : new String[] {"{", "{\"records\":[}", "{\"records\":[{\"value\":1}]} trailing", "{'records':[]}", ""}) {
            RestException e = assertThrows(RestException.class, () -> read(body), body);
            assertEquals(ErrorCode.BAD_REQUEST, e.errorCode(), body);
        }
    }

    @Test
    void wrongShapesAreUnprocessableAndNameTheField() {
        assertUnprocessable("{}", "records");
        assertUnprocessable("{\"records\":null}", "records");
        assertUnprocessable("{\"records\":[]}", "records may not be empty");
        assertUnprocessable("[]", "records may not be empty");
        assertUnprocessable("{\"records\":\"x\"}", "records must be an array");
        assertUnprocessable("{\"records\":[{\"value\":1},2]}", "records[1]");
        assertUnprocessable("{\"records\":[{\"value\":1,\"partition\":1.5}]}", "records[0].partition");
        assertUnprocessable("{\"records\":[{\"value\":1,\"partition\":99999999999}]}", "records[0].partition");
        assertUnprocessable("{\"key_schema_id\":\"x\",\"records\":[{\"value\":1}]}", "key_schema_id");
        assertUnprocessable("42", "JSON object with records");
    }

    private static void assertUnprocessable(String body, String messagePart) {
        RestException e = assertThrows(RestException.class, () -> read(body), body);
        assertEquals(ErrorCode.UNPROCESSABLE_ENTITY, e.errorCode(), body);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
