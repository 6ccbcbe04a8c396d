package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.format.RecordDecoder;
import io.kafkarest.consume.format.RegisteredSchemasForTests;
import io.kafkarest.rest.EmbeddedFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record shape of every format: nulls of key and value written, a missing timestamp left out. */
class RecordFormatsTest {
    private final RecordFormats formats = new RecordFormats(RegisteredSchemasForTests.decoderWithoutRegistry());

    @Test
    void nullKeyAndValueAreWrittenAndAMissingTimestampIsLeftOut() {
        ConsumedRecord record = new ConsumedRecord("t", 0, 5, null, "1".getBytes(StandardCharsets.UTF_8), -1,
                "NoTimestampType", List.of(new ConsumedRecord.Header("h", null)));
        assertEquals("{\"topic\":\"t\",\"key\":null,\"value\":1,\"partition\":0,\"offset\":5,"
                + "\"headers\":[{\"key\":\"h\",\"value\":null}]}", text(EmbeddedFormat.JSON, record));
    }

    @Test
    void timestampIsANumberAndHeaderValuesAreBase64() {
        ConsumedRecord record = new ConsumedRecord("t", 1, 2, "key".getBytes(StandardCharsets.UTF_8), null,
                1_764_624_000_123L, "CreateTime", List.of(new ConsumedRecord.Header("h", new byte[] {1, 2})));
        assertEquals("{\"topic\":\"t\",\"key\":\"a2V5\",\"value\":null,\"partition\":1,\"offset\":2,"
                + "\"timestamp\":1764624000123,\"headers\":[{\"key\":\"h\",\"value\":\"AQI=\"}]}",
                text(EmbeddedFormat.BINARY, record));
    }

    @Test
    void recordsAreJoinedIntoOneArray() {
        assertEquals("[]", new String(RecordFormats.jsonArray(List.of()), StandardCharsets.UTF_8));
        assertEquals("[{\"a\":1},2]", new String(RecordFormats.jsonArray(List.of(
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "2".getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8));
    }

    private String text(EmbeddedFormat format, ConsumedRecord record) {
        return new String(formats.converter(format).apply(record), StandardCharsets.UTF_8);
    }
}
