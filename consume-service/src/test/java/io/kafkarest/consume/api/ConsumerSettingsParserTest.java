package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.consume.core.ConsumerSettings;
import io.kafkarest.consume.core.OffsetReset;
import io.kafkarest.rest.EmbeddedFormat;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerSettingsParserTest {
    private final ConsumerSettingsParser parser = new ConsumerSettingsParser(new ConsumerConfig(null, 300_000, 1_000, 1 << 20, 4));

    @Test
    void defaults() {
        ConsumerSettings s = parser.parse(CreateConsumerRequest.EMPTY);
        assertEquals(EmbeddedFormat.BINARY, s.format());
        assertEquals(Optional.empty(), s.autoOffsetReset());
        assertEquals(Optional.empty(), s.autoCommit());
        assertEquals(-1, s.responseMinBytes());
        assertEquals(Duration.ofSeconds(1), s.requestTimeout());
    }

    @Test
    void parsesV1AndV2Values() {
        ConsumerSettings s = parser.parse(new CreateConsumerRequest("id", "name", "JSON", "smallest", "false", 1024, "250"));
        assertEquals(EmbeddedFormat.JSON, s.format());
        assertEquals(Optional.of(OffsetReset.EARLIEST), s.autoOffsetReset());
        assertEquals(Optional.of(false), s.autoCommit());
        assertEquals(1024, s.responseMinBytes());
        assertEquals(Duration.ofMillis(250), s.requestTimeout());
        assertEquals(Optional.of(OffsetReset.LATEST),
                parser.parse(new CreateConsumerRequest(null, null, null, "largest", true, null, null)).autoOffsetReset());
        assertEquals("id", new CreateConsumerRequest("id", "name", null, null, null, null, null).instanceName());
        assertEquals("name", new CreateConsumerRequest(null, "name", null, null, null, null, null).instanceName());
    }

    @Test
    void rejectsUnsupportedFormatsAndBadTypes() {
        for (CreateConsumerRequest bad : new CreateConsumerRequest[] {
            new CreateConsumerRequest(null, null, "xml", null, null, null, null),
            new CreateConsumerRequest(null, null, 7, null, null, null, null),
            new CreateConsumerRequest(null, null, null, 1, null, null, null),
            new CreateConsumerRequest(null, null, null, null, 1, null, null),
            new CreateConsumerRequest(null, null, null, null, null, 1.5, null),
            new CreateConsumerRequest(null, null, null, null, null, null, "soon")}) {
            ConsumerException e = assertThrows(ConsumerException.class, () -> parser.parse(bad));
            assertEquals(ConsumerException.Kind.INVALID_CONFIG, e.kind());
            assertTrue(e.getMessage().startsWith("Invalid consumer configuration: "), e.getMessage());
        }
    }

    @Test
    void v2AcceptsEveryFormatAndV1BinaryAvroAndJson() {
        for (EmbeddedFormat format : EmbeddedFormat.values()) {
            assertEquals(format, parser.parse(withFormat(format.wireName()), 2).format());
        }
        for (String format : new String[] {"binary", "avro", "json"}) {
            assertEquals(EmbeddedFormat.fromWireName(format).orElseThrow(), parser.parse(withFormat(format), 1).format());
        }
        for (String format : new String[] {"jsonschema", "protobuf"}) {
            ConsumerException e = assertThrows(ConsumerException.class, () -> parser.parse(withFormat(format), 1));
            assertEquals(ConsumerException.Kind.INVALID_CONFIG, e.kind());
            assertTrue(e.getMessage().contains("'" + format + "' is not a v1 consumer format"), e.getMessage());
        }
    }

    private static CreateConsumerRequest withFormat(String format) {
        return new CreateConsumerRequest(null, null, format, null, null, null, null);
    }
}
