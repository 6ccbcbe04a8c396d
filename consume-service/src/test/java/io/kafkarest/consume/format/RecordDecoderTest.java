package io.kafkarest.consume.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.SchemaRegistrySettings;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Decoding without a registry: binary and json, and what fails before any registry call or for lack of one. */
class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder(JsonMapper.createDefault(), new RegisteredSchemas(
            new ConfluentSchemaRegistryClient(new SchemaRegistrySettings(null, Duration.ofSeconds(1)))));

    @Test
    void binaryIsBase64AndJsonIsEmbedded() {
        ConsumedRecord record = record(new byte[] {0, (byte) 255}, "{\"a\":[1]}".getBytes(StandardCharsets.UTF_8));
        assertEquals("AP8=", decoder.decode(EmbeddedFormat.BINARY, record, true).getStringValue());
        assertEquals(1, decoder.decode(EmbeddedFormat.JSON, record, false).get("a").get(0).getIntValue());
        assertNull(decoder.decode(EmbeddedFormat.AVRO, record(null, null), true), "null stays null");
        assertNull(decoder.decode(EmbeddedFormat.JSON, record(null, new byte[0]), false), "empty json is null");
    }

    @Test
    void bytesNotInTheWireFormatFailNamingTheRecord() {
        for (byte[] bytes : new byte[][] {new byte[0], new byte[] {0, 0, 0, 1}, new byte[] {1, 0, 0, 0, 1, 2}}) {
            ConsumerException e = assertThrows(ConsumerException.class,
                    () -> decoder.decode(EmbeddedFormat.PROTOBUF, record(null, bytes), false));
            assertEquals(ConsumerException.Kind.DESERIALIZATION_FAILED, e.kind());
            assertTrue(e.getMessage().contains("value of record t/3/42 as protobuf")
                    && e.getMessage().contains("not in the Schema Registry wire format"), e.getMessage());
        }
    }

    @Test
    void schemaFormatsWithoutAConfiguredRegistryAreRegistryUnavailable() {
        ConsumerException e = assertThrows(ConsumerException.class,
                () -> decoder.decode(EmbeddedFormat.AVRO, record(new byte[] {0, 0, 0, 0, 1, 2}, null), true));
        assertEquals(ConsumerException.Kind.REGISTRY_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("no Schema Registry is configured (set SCHEMA_REGISTRY_URL)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("key of record t/3/42"), e.getMessage());
    }

    private static ConsumedRecord record(byte[] key, byte[] value) {
        return new ConsumedRecord("t", 3, 42, key, value);
    }
}
