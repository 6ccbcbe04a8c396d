package io.kafkarest.bench.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordCounterTest {
    private static final String ANSWER = "[{\"topic\":\"t\",\"key\":null,\"value\":\"AAEC\",\"partition\":0,\"offset\":0,"
            + "\"timestamp\":1,\"timestamp_type\":\"CREATE_TIME\",\"headers\":[]},"
            + "{\"topic\":\"t\",\"key\":\"b2Zmc2V0\",\"value\":\"Im9mZnNldCI6\",\"partition\":3,\"offset\":12345}]";

    @Test
    void countsOneRecordPerOffsetKey() {
        assertEquals(2, RecordCounter.count(ANSWER.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, RecordCounter.count("[]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEscapedOffsetInsideAStringIsNotAKey() {
        // a json-format value {"offset":1} is written as a string with escaped quotes
        String answer = "[{\"value\":\"{\\\"offset\\\":1}\",\"offset\":7},{\"key\":\"\\\"offset\\\":\",\"offset\":8}]";
        assertEquals(2, RecordCounter.count(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keysSplitAcrossReadsAreCountedOnce() {
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= body.length; split++) {
            RecordCounter c = new RecordCounter();
            c.feed(body, 0, split);
            assertEquals(2, c.feed(body, split, body.length), "split at " + split);
        }
        // and byte by byte
        RecordCounter c = new RecordCounter();
        for (int i = 0; i < body.length; i++) {
            c.feed(body, i, i + 1);
        }
        assertEquals(2, c.count());
        c.reset();
        assertEquals(0, c.count());
    }

    @Test
    void overlappingQuotesStillMatch() {
        assertEquals(1, RecordCounter.count("\"offset\"offset\":1".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, RecordCounter.count("\"\"offset\":1".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, RecordCounter.count("\"offset\" :1".getBytes(StandardCharsets.UTF_8)));
    }
}
