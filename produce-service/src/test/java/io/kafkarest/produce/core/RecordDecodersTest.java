package io.kafkarest.produce.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDecodersTest {
    private final BinaryRecordDecoder binary = new BinaryRecordDecoder();
    private final JsonRecordDecoder json = new JsonRecordDecoder();

    private static EmbeddedData jsonData(EmbeddedData.Kind kind, String text) {
        return EmbeddedData.ofJson(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryDecodesBase64AndNull() {
        assertArrayEquals("confluent".getBytes(StandardCharsets.UTF_8),
                binary.decode(EmbeddedData.ofString("Y29uZmx1ZW50"), "records[0].value"));
        assertArrayEquals(new byte[0], binary.decode(EmbeddedData.ofString(""), "f"));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, binary.decode(EmbeddedData.ofString("-_8="), "f"));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, binary.decode(EmbeddedData.ofString("+/8="), "f"));
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), binary.decode(EmbeddedData.ofString("YQ"), "f"));
        assertNull(binary.decode(EmbeddedData.NULL, "f"));
    }

    @Test
    void binaryRejectsInvalidBase64NamingTheField() {
        RestException e = assertThrows(RestException.class,
                () -> binary.decode(EmbeddedData.ofString("not base64!"), "records[3].key"));
        assertEquals(ErrorCode.UNPROCESSABLE_ENTITY, e.errorCode());
        assertTrue(e.getMessage().startsWith("records[3].key is not valid base64"), e.getMessage());
    }

    @Test
    void binaryRejectsNonStrings() {
        RestException e = assertThrows(RestException.class,
                () -> binary.decode(jsonData(EmbeddedData.Kind.NUMBER, "12"), "records[0].value"));
        assertEquals(ErrorCode.UNPROCESSABLE_ENTITY, e.errorCode());
        assertEquals("records[0].value must be a base64-encoded string or null, not a number", e.getMessage());
    }

    @Test
    void binaryBatchNamesRecordIndexAndField() {
        EncodedRecords request = new EncodedRecords(List.of(
                new EncodedRecord(null, EmbeddedData.NULL, EmbeddedData.ofString("YQ==")),
                new EncodedRecord(1, EmbeddedData.ofString("YQ=="), EmbeddedData.ofString("@@"))));
        RestException e = assertThrows(RestException.class, () -> binary.decode(request));
        assertTrue(e.getMessage().startsWith("records[1].value"), e.getMessage());
    }

    @Test
    void binaryBatchKeepsPartitionsAndOrder() {
        DecodedRecords decoded = binary.decode(new EncodedRecords(List.of(
                new EncodedRecord(2, EmbeddedData.ofString("a2V5"), EmbeddedData.ofString("YQ==")),
                new EncodedRecord(null, EmbeddedData.NULL, EmbeddedData.NULL))));

        assertEquals(2, decoded.records().get(0).partition());
        assertArrayEquals("key".getBytes(StandardCharsets.UTF_8), decoded.records().get(0).key());
        assertNull(decoded.records().get(1).partition());
        assertNull(decoded.records().get(1).key());
        assertNull(decoded.records().get(1).value());
        assertNull(decoded.keySchemaId());
        assertNull(decoded.valueSchemaId());
    }

    @Test
    void jsonWritesJsonText() {
        assertEquals("{\"a\":1}", text(json.decode(jsonData(EmbeddedData.Kind.OBJECT, "{\"a\":1}"), "f")));
        assertEquals("12.50", text(json.decode(jsonData(EmbeddedData.Kind.NUMBER, "12.50"), "f")));
        assertEquals("\"line\\nbreak é\"", text(json.decode(EmbeddedData.ofString("line\nbreak é"), "f")));
        assertEquals("\"\"", text(json.decode(EmbeddedData.ofString(""), "f")));
        assertNull(json.decode(EmbeddedData.NULL, "f"));
    }

    @Test
    void registryPicksByFormatAndRefusesMissingOnes() {
        RecordDecoders decoders = new RecordDecoders(List.of(binary, json));

        assertInstanceOf(BinaryRecordDecoder.class, decoders.forFormat(EmbeddedFormat.BINARY));
        assertInstanceOf(JsonRecordDecoder.class, decoders.forFormat(EmbeddedFormat.JSON));
        RestException e = assertThrows(RestException.class, () -> decoders.forFormat(EmbeddedFormat.AVRO));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, e.errorCode());
        assertEquals("embedded format avro is not supported yet", e.getMessage());
        assertThrows(IllegalStateException.class, () -> new RecordDecoders(List.of(binary, new BinaryRecordDecoder())));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
