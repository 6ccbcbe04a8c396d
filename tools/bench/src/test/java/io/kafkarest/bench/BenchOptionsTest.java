package io.kafkarest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    private static final List<String> CASES = List.of("native", "v2-binary", "v3-stream", "v2-avro");

    @Test
    void optionsAreParsedAndCasesKeepTheCommandsOrder() {
        BenchOptions o = BenchOptions.parse(new String[] {"--duration", "500ms", "--connections=4",
            "--cases", "v2-avro,native", "--batches", "1,100", "--paths", "gateway", "--record-size", "100"}, CASES);
        assertEquals(Duration.ofMillis(500), o.duration());
        assertEquals(4, o.connections());
        assertEquals(List.of("native", "v2-avro"), o.cases());
        assertEquals(List.of(1, 100), o.batches());
        assertEquals(List.of("gateway"), o.paths());
        assertEquals(100, o.recordSize());
        assertEquals(Duration.ofMinutes(2), BenchOptions.duration("2m"));
        assertEquals(Duration.ofSeconds(20), BenchOptions.duration("20"));
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--cases", "nope"}, CASES));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--connections", "0"}, CASES));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--bogus", "1"}, CASES));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--duration"}, CASES));
    }

    @Test
    void wrkSummaryIsParsed() throws Exception {
        Wrk.Outcome r = Wrk.parse("Running 1s test\nBENCH requests=1000 duration_us=2000000 failed=10 socket_errors=1"
                + " p50_us=1500 p99_us=9000\nBENCH_ERROR HTTP 500 {\"error_code\":500}\n", 0);
        assertEquals(1000, r.requests());
        assertEquals(495.0, r.okRequestsPerSec(), 1e-9);
        assertEquals(1.5, r.p50Ms(), 1e-9);
        assertEquals(9.0, r.p99Ms(), 1e-9);
        assertEquals("HTTP 500 {\"error_code\":500}", r.firstError());
    }
}
