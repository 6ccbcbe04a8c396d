package io.kafkarest.produce.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoders;
import io.kafkarest.produce.core.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoders of each format, on their own: what bytes they write and how they refuse bad data. */
class RecordDecodersTest {
    private final BinaryRecordDecoder binary = new BinaryRecordDecoder();
    private final AvroRecordDecoder avro = new AvroRecordDecoder();
    private final JsonSchemaRecordDecoder jsonSchema = new JsonSchemaRecordDecoder();

    private static EmbeddedData json(String text) {
        return EmbeddedData.ofJson(text.startsWith("{") ? EmbeddedData.Kind.OBJECT : EmbeddedData.Kind.NUMBER,
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryAcceptsStandardAndUrlSafeBase64AndNamesTheFieldOtherwise() {
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, binary.decode(EmbeddedData.ofString("+/8="), null, "f"));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, binary.decode(EmbeddedData.ofString("-_8="), null, "f"));
        ProduceException e = assertThrows(ProduceException.class,
                () -> binary.decode(EmbeddedData.ofString("%%%"), null, "records[3].key"));
        assertEquals(ProduceException.Kind.INVALID_DATA, e.kind());
        assertTrue(e.getMessage().startsWith("records[3].key is not valid base64"), e.getMessage());
        assertThrows(ProduceException.class, () -> binary.decode(json("12"), null, "v"));
    }

    @Test
    void jsonAndStringWriteTextAsGiven() {
        assertEquals("{\"a\":1.50}", new String(new JsonRecordDecoder().decode(json("{\"a\":1.50}"), null, "v"),
                StandardCharsets.UTF_8));
        assertEquals("\"ONE\"", new String(new JsonRecordDecoder().decode(EmbeddedData.ofString("ONE"), null, "v"),
                StandardCharsets.UTF_8));
        assertEquals("ü", new String(new StringRecordDecoder().decode(EmbeddedData.ofString("ü"), null, "v"),
                StandardCharsets.UTF_8));
        assertThrows(ProduceException.class, () -> new StringRecordDecoder().decode(json("1"), null, "v"));
    }

    @Test
    void avroReadsAvroJsonWithWrappedUnions() {
        ParsedSchema schema = avro.parseSchema("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":["
                + "{\"name\":\"i\",\"type\":[\"null\",\"int\"]}]}");
        assertEquals("n.R", schema.recordName());
        assertArrayEquals(new byte[] {2, 6}, avro.decode(json("{\"i\":{\"int\":3}}"), schema, "v"));
        assertArrayEquals(new byte[] {0}, avro.decode(json("{\"i\":null}"), schema, "v"));
        ProduceException e = assertThrows(ProduceException.class, () -> avro.decode(json("{\"i\":3}"), schema, "v"));
        assertTrue(e.getMessage().startsWith("v does not match the Avro schema"), e.getMessage());
        // decoders are reused: after a failure (and with whitespace as a client writes it) the next record is read whole
        assertArrayEquals(new byte[] {2, 10}, avro.decode(json("{ \"i\" : { \"int\" : 5 } }"), schema, "v"));
        assertArrayEquals(new byte[] {2, 6}, avro.decode(json("{\"i\":{\"int\":3}}"), schema, "v"));
        assertEquals(ProduceException.Kind.INVALID_SCHEMA,
                assertThrows(ProduceException.class, () -> avro.parseSchema("{\"type\":\"nope\"}")).kind());
    }

    @Test
    void jsonSchemaValidates() {
        ParsedSchema schema = jsonSchema.parseSchema("{\"title\":\"T\",\"type\":\"object\",\"properties\":{\"n\":"
                + "{\"type\":\"integer\"}}}");
        assertEquals("T", schema.recordName());
        assertEquals("{\"n\":2}", new String(jsonSchema.decode(json("{\"n\":2}"), schema, "v"), StandardCharsets.UTF_8));
        assertThrows(ProduceException.class, () -> jsonSchema.decode(json("{\"n\":2.5}"), schema, "v"));
        assertEquals(ProduceException.Kind.INVALID_SCHEMA,
                assertThrows(ProduceException.class, () -> jsonSchema.parseSchema("[1]")).kind());
    }

    @Test
    void everyFormatHasOneDecoder() {
        RecordDecoders decoders = new RecordDecoders(List.of(binary, avro, jsonSchema, new JsonRecordDecoder(),
                new StringRecordDecoder(), new ProtobufRecordDecoder()));
        assertInstanceOf(AvroRecordDecoder.class, decoders.forFormat(RecordFormat.AVRO));
        assertThrows(IllegalStateException.class, () -> new RecordDecoders(List.of(binary)));
        assertThrows(IllegalStateException.class, () -> new RecordDecoders(List.of(binary, binary)));
    }
}
