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
    void consumeOptionsAreParsed() {
        BenchOptions d = BenchOptions.parse(new String[0], List.of("native", "v2-binary", "idle-memory"));
        assertEquals(List.of(1, 3), d.consume().instances());
        assertEquals("http://localhost:8083", d.consume().url().toString());
        assertEquals(9_200_000, d.consume().recordsFor(d.warmup(), d.duration()), "400k/s x 23 s");
        BenchOptions o = BenchOptions.parse(new String[] {"--consume-url", "http://h:9/", "--instances", "2",
            "--records", "1_000_000", "--read-timeout", "200ms", "--max-bytes", "65536", "--idle-instances=50",
            "--consume-pid", "42"}, List.of("native", "v2-binary", "idle-memory"));
        BenchOptions.Consume c = o.consume();
        assertEquals("http://h:9", c.url().toString());
        assertEquals(List.of(2), c.instances());
        assertEquals(1_000_000, c.recordsFor(o.warmup(), o.duration()));
        assertEquals(Duration.ofMillis(200), c.readTimeout());
        assertEquals(65536, c.maxBytes());
        assertEquals(50, c.idleInstances());
        assertEquals(42, c.pid());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--records", "-1"}, CASES));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--instances", "0"}, CASES));
    }

    @Test
    void gatewayOptionsAreParsed() {
        List<String> cases = List.of("native", "produce", "consume", "brokers");
        BenchOptions d = BenchOptions.parse(new String[0], cases);
        assertEquals("http://localhost:8081", d.gateway().adminUrl().toString());
        assertEquals(0, d.gateway().pid());
        assertEquals(1, d.gateway().rounds());
        assertEquals(java.time.Duration.ofSeconds(2), d.gateway().turn());
        BenchOptions o = BenchOptions.parse(new String[] {"--admin-url", "http://a:1/", "--gateway-pid=4242", "--rounds", "3",
            "--turn", "500ms", "--gateway-url", "http://g:2", "--cases", "brokers,produce"}, cases);
        assertEquals(java.time.Duration.ofMillis(500), o.gateway().turn());
        assertEquals("http://a:1", o.gateway().adminUrl().toString());
        assertEquals(4242, o.gateway().pid());
        assertEquals(3, o.gateway().rounds());
        assertEquals("http://g:2", o.gatewayUrl().toString());
        assertEquals(List.of("produce", "brokers"), o.cases());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--gateway-pid", "x"}, cases));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rounds", "0"}, cases));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--turn", "0s"}, cases));
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
        assertEquals(-1, r.bytesRead(), "an older script reports no bytes");
    }

    @Test
    void wrkBytesAreParsed() throws Exception {
        Wrk.Outcome r = Wrk.parse("BENCH requests=10 duration_us=1000000 failed=0 socket_errors=0 p50_us=800"
                + " p99_us=2000 bytes=12345\nBENCH_ERROR \n", 0);
        assertEquals(12345, r.bytesRead());
        assertEquals(10.0, r.okRequestsPerSec(), 1e-9);
        assertEquals(null, r.firstError());
    }
}
