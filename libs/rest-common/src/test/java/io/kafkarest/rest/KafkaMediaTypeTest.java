package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaMediaTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/vnd.kafka.binary.v1+json,     BINARY,     1",
        "application/vnd.kafka.binary.v2+json,     BINARY,     2",
        "application/vnd.kafka.json.v1+json,       JSON,       1",
        "application/vnd.kafka.json.v2+json,       JSON,       2",
        "application/vnd.kafka.avro.v1+json,       AVRO,       1",
        "application/vnd.kafka.avro.v2+json,       AVRO,       2",
        "application/vnd.kafka.jsonschema.v2+json, JSONSCHEMA, 2",
        "application/vnd.kafka.protobuf.v2+json,   PROTOBUF,   2",
        "application/vnd.kafka.binary.v3+json,     BINARY,     3",
        "application/vnd.kafka.json+json,          JSON,       0",
        "APPLICATION/VND.KAFKA.AVRO.V2+JSON,       AVRO,       2",
    })
    void parsesFormatAndVersion(String type, EmbeddedFormat format, int version) {
        assertEquals(Optional.of(new KafkaMediaType(Optional.of(format), version)), KafkaMediaType.parse(type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/vnd.kafka.v1+json, 1",
        "application/vnd.kafka.v2+json, 2",
        "application/vnd.kafka.v3+json, 3",
        "application/vnd.kafka+json,    0",
        "application/json,              0",
        "APPLICATION/JSON,              0",
        "application/octet-stream,      0",
    })
    void parsesTypesWithoutFormat(String type, int version) {
        KafkaMediaType parsed = KafkaMediaType.parse(type).orElseThrow();
        assertEquals(Optional.empty(), parsed.format());
        assertEquals(version, parsed.apiVersion());
        assertEquals(EmbeddedFormat.BINARY, parsed.formatOrBinary());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "application/vnd.kafka.binary.v2+json; charset=utf-8",
        "application/vnd.kafka.binary.v2+json;charset=UTF-8",
        "  application/vnd.kafka.binary.v2+json ; q=0.9",
    })
    void ignoresParameters(String type) {
        assertEquals(Optional.of(new KafkaMediaType(Optional.of(EmbeddedFormat.BINARY), 2)), KafkaMediaType.parse(type));
    }

    @Test
    void lenientTypesIgnoreParametersToo() {
        assertEquals(Optional.of(new KafkaMediaType(Optional.empty(), 0)),
                KafkaMediaType.parse("application/json; charset=utf-8"));
        assertEquals(Optional.of(new KafkaMediaType(Optional.empty(), 2)),
                KafkaMediaType.parse("application/vnd.kafka.v2+json; charset=utf-8"));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "garbage", "text/plain", "application/xml", "*/*", "application/*", "application/vnd.kafka",
        "application/vnd.kafka.v2", "application/vnd.kafka.binary.v2+xml", "application/vnd.other.v2+json",
        "application/vnd.kafka.v2.binary+json", "application/vnd.kafka.binary.v2+json, application/json",
        "application/vnd.kafka.v0+json", "application/vnd.kafka.v9+json", "application/vnd.kafka.v10+json",
        "application/vnd.kafka..v2+json", "xapplication/json", "application/jsonx",
    })
    void rejectsOtherTypes(String type) {
        assertEquals(Optional.empty(), KafkaMediaType.parse(type));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "application/vnd.kafka.xml.v2+json", "application/vnd.kafka.string.v2+json", "application/vnd.kafka.foo+json",
    })
    void unknownFormatIsEmpty(String type) {
        assertEquals(Optional.empty(), KafkaMediaType.parse(type));
    }

    @Test
    void responseTypeAnswersV1ForV1AndV2Otherwise() {
        assertEquals(KafkaMediaType.V1_JSON, KafkaMediaType.parse(KafkaMediaType.BINARY_V1).orElseThrow().responseType());
        assertEquals(KafkaMediaType.V1_JSON, KafkaMediaType.parse(KafkaMediaType.V1_JSON).orElseThrow().responseType());
        assertEquals(KafkaMediaType.V2_JSON, KafkaMediaType.parse(KafkaMediaType.JSON_V2).orElseThrow().responseType());
        assertEquals(KafkaMediaType.V2_JSON, KafkaMediaType.parse(KafkaMediaType.V2_JSON).orElseThrow().responseType());
        assertEquals(KafkaMediaType.V2_JSON, KafkaMediaType.parse(KafkaMediaType.KAFKA_JSON).orElseThrow().responseType());
        assertEquals(KafkaMediaType.V2_JSON, KafkaMediaType.parse("application/json").orElseThrow().responseType());
        assertEquals(KafkaMediaType.V2_JSON,
                KafkaMediaType.parse("application/vnd.kafka.v3+json").orElseThrow().responseType());
    }

    @Test
    void everyDeclaredTypeParses() {
        for (String type : KafkaMediaType.DATA_REQUEST_TYPES) {
            assertTrue(KafkaMediaType.parse(type).isPresent(), type);
        }
        for (String type : KafkaMediaType.PLAIN_TYPES) {
            KafkaMediaType parsed = KafkaMediaType.parse(type).orElseThrow(() -> new AssertionError(type));
            assertEquals(Optional.empty(), parsed.format(), type);
        }
    }

    @Test
    void formatOrBinaryKeepsANamedFormat() {
        assertEquals(EmbeddedFormat.PROTOBUF, KafkaMediaType.parse(KafkaMediaType.PROTOBUF_V2).orElseThrow().formatOrBinary());
    }
}
