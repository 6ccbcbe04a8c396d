package io.kafkarest.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.bench.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverheadTableTest {
    private static final Result DIRECT = Result.of("v2-binary x100", "direct", 90_000, 1024, 15.0, 50.0, 0, null);
    private static final Result GATEWAY = Result.of("v2-binary x100", "gateway", 45_000, 1024, 31.0, 92.5, 0, null);

    @Test
    void aLineComparesTheGatewayRowWithTheDirectRow() {
        // 5.76 CPU seconds over 10 s: 0.576 cores for 46.08 MB/s = 12.5 ms per MB, 12.8 us per record
        OverheadTable.Line l = new OverheadTable.Line("v2 produce x100 (records/s)", DIRECT, GATEWAY, 5.76, 10.0,
                true, null);
        assertEquals(0.5, l.ratio(), 1e-9);
        assertEquals(16.0, l.addedP50(), 1e-9);
        assertEquals(42.5, l.addedP99(), 1e-9);
        assertEquals(0.576, l.gatewayCores(), 1e-9);
        assertEquals(12.5, l.cpuMsPerMb(), 1e-9);
        assertEquals(12.8, l.cpuUsPerUnit(), 1e-9);
        assertEquals("ratio target 0.85: NOT met; added p50 target 1 ms: NOT met", l.notes());
    }

    @Test
    void targetsMetAndErrorsOfEitherRowAreInTheNotes() {
        Result g = Result.of("v2-binary x1", "gateway", 88_000, 1024, 2.5, 12.0, 3, "HTTP 500 boom")
                .withNote("468 records per answer");
        Result d = Result.of("v2-binary x1", "direct", 100_000, 1024, 2.0, 13.0, 0, null);
        OverheadTable.Line l = new OverheadTable.Line("v2 consume x1 (records/s)", d, g, Double.NaN, Double.NaN,
                true, "468 records per answer");
        assertEquals("ratio target 0.85: met; added p50 target 1 ms: met; gateway: 3 failed: HTTP 500 boom;"
                + " 468 records per answer", l.notes());
        assertTrue(Double.isNaN(l.cpuMsPerMb()), "no CPU figure without a pid");
        assertEquals(-1.0, l.addedP99(), 1e-9);
    }

    @Test
    void aRowThatDidNotRunLeavesTheComparisonEmpty() {
        OverheadTable.Line l = new OverheadTable.Line("GET /brokers (requests/s)", DIRECT,
                Result.failed("GET /brokers", "gateway", "connection refused"), 1.0, 10.0, false, null);
        assertTrue(Double.isNaN(l.ratio()));
        assertTrue(Double.isNaN(l.addedP50()));
        assertEquals("gateway: connection refused", l.notes());
    }

    @Test
    void theMarkdownHasOneLinePerWorkload() {
        OverheadTable t = new OverheadTable("bin/bench gateway", List.of("targets: ..."));
        t.add(OverheadTable.Line.reference("native Kafka producer (reference; records/s)",
                Result.of("native", "kafka", 120_000, 1024, 6.5, 17.0, 0, null), "no HTTP"));
        t.add(new OverheadTable.Line("v2 produce x100 (records/s)", DIRECT, GATEWAY, 5.76, 10.0, true, null));
        String md = t.toMarkdown();
        assertTrue(md.startsWith("## bin/bench gateway\n\n- targets: ...\n\n| workload | direct /s | gateway /s |"), md);
        assertTrue(md.contains("\n| native Kafka producer (reference; records/s) | 120,000 | - | - | 6.50 | - | - | 17.00"
                + " | - | - | - | - | - | no HTTP |\n"), md);
        assertTrue(md.contains("\n| v2 produce x100 (records/s) | 90,000 | 45,000 | 0.50 | 15.00 | 31.00 | +16.00"
                + " | 50.00 | 92.50 | +42.50 | 0.58 | 12.5 | 12.8 | ratio target 0.85: NOT met;"
                + " added p50 target 1 ms: NOT met |\n"), md);
        assertEquals(8, md.split("\n").length, md); // heading, blank, setting, blank, header, rule, 2 lines
    }

    @Test
    void withRoundsTheLinesAreNumberedAndTheMediansJudgeTheTargets() {
        OverheadTable t = new OverheadTable("bin/bench gateway", List.of("targets: ..."));
        double[] gatewayRates = {45_000, 81_000, 78_300}; // ratios 0.50, 0.90, 0.87
        for (int round = 1; round <= 3; round++) {
            Result g = Result.of("v2-binary x100", "gateway", gatewayRates[round - 1], 1024, 15.0 + round / 10.0,
                    60.0, 0, null);
            t.add(new OverheadTable.Line("v2 produce x100 (records/s)", DIRECT, g, 2.0, 10.0, true, null)
                    .inRound(round));
        }
        String md = t.toMarkdown();
        assertTrue(md.contains("\n| v2 produce x100 (records/s), round 3 | 90,000 | 78,300 | 0.87 |"), md);
        // medians: ratio 0.87 (of 0.50, 0.87, 0.90), added p50 +0.20 ms, cores 0.20, CPU 0.2e6 / 78,300 = 2.6 us
        assertTrue(md.contains("\n### Medians over the rounds\n"), md);
        assertTrue(md.contains("\n| v2 produce x100 (records/s) | 3 | 90,000 | 78,300 | 0.87 | 0.50 - 0.90 | +0.20"
                + " | +10.00 | 0.20 | 2.6 | ratio target 0.85: met; added p50 target 1 ms: met |\n"), md);
        assertEquals(0.87, OverheadTable.median(t.lines(), OverheadTable.Line::ratio), 1e-9);
    }

    @Test
    void differencesCarryTheirSign() {
        assertEquals("+0.57", OverheadTable.signed(0.57));
        assertEquals("-32.99", OverheadTable.signed(-32.99));
        assertEquals("-", OverheadTable.signed(Double.NaN));
        assertEquals("-", OverheadTable.number(Double.POSITIVE_INFINITY, 1));
    }
}
