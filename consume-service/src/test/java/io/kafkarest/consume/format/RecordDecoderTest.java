package io.kafkarest.consume.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.SchemaRegistrySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Decoding without a registry: binary and json, and what fails before any registry call or for lack of one. */
class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder(new RegisteredSchemas(
            new ConfluentSchemaRegistryClient(new SchemaRegistrySettings(null, Duration.ofSeconds(1)))));

    /** What the decoder writes for the key or value, as JSON text. */
    private String write(EmbeddedFormat format, ConsumedRecord record, boolean isKey) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            decoder.write(format, record, isKey, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void binaryIsBase64AndJsonIsEmbeddedCompactWithItsDigits() {
        ConsumedRecord record = record(new byte[] {0, (byte) 255},
                "{ \"a\" : [1, 2.50, 1e3, 123456789012345678901234567890] }".getBytes(StandardCharsets.UTF_8));
        assertEquals("\"AP8=\"", write(EmbeddedFormat.BINARY, record, true));
        assertEquals("{\"a\":[1,2.50,1e3,123456789012345678901234567890]}", write(EmbeddedFormat.JSON, record, false));
        assertEquals("null", write(EmbeddedFormat.AVRO, record(null, null), true), "null stays null");
        assertEquals("null", write(EmbeddedFormat.JSON, record(null, new byte[0]), false), "empty json is null");
    }

    @Test
    void jsonThatIsNotOneValueFailsNamingTheRecord() {
        for (String bad : new String[] {"{\"a\":", "nope", "1 2", "{\"a\":1}}", "   "}) {
            ConsumerException e = assertThrows(ConsumerException.class, () -> write(EmbeddedFormat.JSON,
                    record(null, bad.getBytes(StandardCharsets.UTF_8)), false), bad);
            assertEquals(ConsumerException.Kind.DESERIALIZATION_FAILED, e.kind(), bad);
            assertTrue(e.getMessage().contains("value of record t/3/42 as json")
                    && e.getMessage().contains("not valid JSON"), e.getMessage());
        }
    }

    @Test
    void bytesNotInTheWireFormatFailNamingTheRecord() {
        for (byte[] bytes : new byte[][] {new byte[0], new byte[] {0, 0, 0, 1}, new byte[] {1, 0, 0, 0, 1, 2}}) {
            ConsumerException e = assertThrows(ConsumerException.class,
                    () -> write(EmbeddedFormat.PROTOBUF, record(null, bytes), false));
            assertEquals(ConsumerException.Kind.DESERIALIZATION_FAILED, e.kind());
            assertTrue(e.getMessage().contains("value of record t/3/42 as protobuf")
                    && e.getMessage().contains("not in the Schema Registry wire format"), e.getMessage());
        }
    }

    @Test
    void schemaFormatsWithoutAConfiguredRegistryAreRegistryUnavailable() {
        ConsumerException e = assertThrows(ConsumerException.class,
                () -> write(EmbeddedFormat.AVRO, record(new byte[] {0, 0, 0, 0, 1, 2}, null), true));
        assertEquals(ConsumerException.Kind.REGISTRY_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("no Schema Registry is configured (set SCHEMA_REGISTRY_URL)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("key of record t/3/42"), e.getMessage());
    }

    private static ConsumedRecord record(byte[] key, byte[] value) {
        return new ConsumedRecord("t", 3, 42, key, value);
    }
}
