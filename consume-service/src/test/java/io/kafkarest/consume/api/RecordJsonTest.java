package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record shape of every format: nulls of key and value written, a missing timestamp left out. */
class RecordJsonTest {
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void nullKeyAndValueAreWrittenAndAMissingTimestampIsLeftOut() throws IOException {
        RecordJson record = new RecordJson("t", null, JsonNode.createNumberNode(1), 0, 5, null,
                List.of(new RecordJson.HeaderJson("h", null)));
        assertEquals("{\"topic\":\"t\",\"key\":null,\"value\":1,\"partition\":0,\"offset\":5,"
                + "\"headers\":[{\"key\":\"h\",\"value\":null}]}",
                new String(json.writeValueAsBytes(record), StandardCharsets.UTF_8));
    }

    @Test
    void timestampIsANumber() throws IOException {
        RecordJson record = new RecordJson("t", JsonNode.createStringNode("a2V5"), null, 1, 2, 1_764_624_000_123L,
                List.of());
        assertEquals("{\"topic\":\"t\",\"key\":\"a2V5\",\"value\":null,\"partition\":1,\"offset\":2,"
                + "\"timestamp\":1764624000123,\"headers\":[]}",
                new String(json.writeValueAsBytes(record), StandardCharsets.UTF_8));
    }
}
