package io.kafkarest.bench.gateway;

import io.kafkarest.bench.BenchOptions;
import io.kafkarest.bench.ClosedLoop;
import io.kafkarest.bench.Command;
import io.kafkarest.bench.Compared;
import io.kafkarest.bench.MeasuredWindow;
import io.kafkarest.bench.ProcessCpu;
import io.kafkarest.bench.RequestLoop;
import io.kafkarest.bench.RestAdmin;
import io.kafkarest.bench.Result;
import io.kafkarest.bench.SameRequestLoop;
import io.kafkarest.bench.consume.ConsumeBench;
import io.kafkarest.bench.produce.Payloads;
import io.kafkarest.bench.produce.ProduceBench;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench gateway}: what the gateway costs. Three workloads, each straight to its service and through the
 * gateway in alternating turns ({@code --turn}, {@link io.kafkarest.bench.ClosedLoop#runInTurns}), so that both see
 * the same machine: v2 binary produce of 100 records per request on {@code --connections} connections, v2 binary
 * consume (the consume command's {@code v2-binary xN} readers, for N in {@code --instances}) and
 * {@code GET /brokers} (admin-service) on {@code --connections} connections. Per workload: both rates, their ratio,
 * the latency the gateway adds, and the CPU the gateway process used during its turns (from /proc). The native Kafka
 * producer is a reference line.
 */
public final class GatewayBench implements Command {
    public static final String NATIVE = "native";
    public static final String PRODUCE = "produce";
    public static final String CONSUME = "consume";
    public static final String BROKERS = "brokers";
    /** Records per v2 produce request (the 100 x 1 KB). */
    static final int PRODUCE_BATCH = 100;
    private static final String V2_ACCEPT = "application/vnd.kafka.v2+json";

    @Override
    public String description() {
        return "gateway overhead: v2 produce, v2 consume and GET /brokers, direct vs through the gateway";
    }

    @Override
    public List<String> defaultCases() {
        return List.of(NATIVE, PRODUCE, CONSUME, BROKERS);
    }

    @Override
    public int run(BenchOptions o) throws Exception {
        RestAdmin admin = new RestAdmin(o.gatewayUrl());
        String runId = Command.runId();
        long records = o.runs(CONSUME) ? o.consume().recordsFor(o.warmup(), o.duration()) : 0;

        long pid = o.gateway().pid();
        String pidNote = null;
        if (pid == 0) {
            try {
                pid = ProcessCpu.listenerOf(port(o.gatewayUrl()));
            } catch (Exception e) {
                pidNote = "gateway CPU not measured: " + e.getMessage();
                System.err.println("warning: " + pidNote);
            }
        }
        OverheadTable table = new OverheadTable("bin/bench gateway", settings(o, records, pid));
        long gatewayPid = pid;
        Payloads payloads = new Payloads(o.recordSize());

        if (o.runs(NATIVE)) {
            System.err.println("native producer (reference) ...");
            Result r = attempt(NATIVE, "kafka", () -> ProduceBench.nativeCase(admin, o, payloads, runId));
            table.add(OverheadTable.Line.reference("native Kafka producer (reference; records/s)", r,
                    "the Kafka Java producer in the bench JVM, no HTTP: its figures are in the direct columns"));
            progress(r);
        }
        String topic = "bench-gateway-consume-" + runId;
        String setupError = null;
        if (o.runs(CONSUME)) {
            try {
                System.err.printf("Creating %s (%d partitions) and filling it with %,d records of %d bytes ...%n",
                        topic, o.partitions(), records, o.recordSize());
                ConsumeBench.prepareTopic(admin, o, topic, records);
            } catch (Exception e) {
                setupError = "topic " + topic + ": " + message(e);
            }
        }
        String failedSetup = setupError;
        int rounds = o.gateway().rounds();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.err.println("Round " + round + " of " + rounds);
            }
            String rowId = rounds > 1 ? runId + "-r" + round : runId; // fresh topics and groups in every round
            Lines lines = new Lines(table, o, round, gatewayPid, pidNote);
            if (o.runs(PRODUCE)) {
                lines.measure("v2 produce x" + PRODUCE_BATCH + " (records/s)", true, null,
                        (window, pace, id) -> ProduceBench.v2BinaryInTurns(admin, o, payloads, rowId + id,
                                PRODUCE_BATCH, o.gateway().turn(), window, pace));
            }
            if (o.runs(CONSUME)) {
                for (int n : o.consume().instances()) {
                    lines.measure("v2 consume x" + n + " (records/s)", true, failedSetup,
                            (window, pace, id) -> ConsumeBench.v2BinaryInTurns(admin, o, topic, records, n,
                                    "gw-" + rowId + id, o.gateway().turn(), window, pace));
                }
            }
            if (o.runs(BROKERS)) {
                lines.measure("GET /brokers (requests/s)", false, null,
                        (window, pace, id) -> brokersInTurns(o, window, pace));
            }
        }

        if (o.runs(CONSUME)) {
            admin.deleteQuietly(List.of(topic));
        }

        String markdown = table.toMarkdown();
        System.out.println();
        System.out.println(markdown);
        Path file = table.write(o.outDir());
        System.out.println("Written to " + file);
        return (int) table.lines().stream().filter(l -> (l.direct() != null && l.direct().hasError())
                || (l.gateway() != null && l.gateway().hasError())).count();
    }

    /**
     * A workload's two rows in turns ({@link ClosedLoop#runInTurns}): told the gateway's measured window, the pace
     * of each row in requests per second (0: as fast as answered), and a suffix for its topics' and groups' names.
     */
    interface Workload {
        Compared run(MeasuredWindow gatewayWindow, double pace, String id) throws Exception;
    }

    /** The lines of one round: each workload as fast as it goes, then paced at equal load ({@code --paced}). */
    private record Lines(OverheadTable table, BenchOptions o, int round, long gatewayPid, String pidNote) {
        void measure(String name, boolean ratioTarget, String failedSetup, Workload workload) {
            Compared full = add(name, ratioTarget, failedSetup, workload, 0, "");
            double fraction = o.gateway().paced();
            if (fraction > 0 && full.directRequestsPerSec() > 0) {
                double pace = fraction * full.directRequestsPerSec();
                int unit = name.lastIndexOf(" (");
                String paced = name.substring(0, unit) + ", paced at " + OverheadTable.number(fraction, 2)
                        + " x direct" + name.substring(unit);
                add(paced, false, failedSetup, workload, pace, "-paced");
            }
        }

        /** Runs the workload and adds its line, with the gateway's CPU over the gateway's measured turns. */
        private Compared add(String name, boolean ratioTarget, String failedSetup, Workload workload, double pace,
                             String id) {
            ProcessCpu cpu = gatewayPid > 0 ? new ProcessCpu(gatewayPid) : null;
            MeasuredWindow window = cpu == null ? MeasuredWindow.NONE : cpu;
            System.err.println(name + ", direct and gateway in turns of " + o.gateway().turn().toMillis() / 1000.0
                    + " s" + (pace > 0 ? String.format(Locale.ROOT, ", %.0f requests/s each", pace) : "") + " ...");
            Compared rows;
            if (failedSetup != null) {
                rows = Compared.failed(name, failedSetup);
            } else {
                try {
                    rows = workload.run(window, pace, id);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    rows = Compared.failed(name, "interrupted");
                } catch (Exception e) {
                    rows = Compared.failed(name, message(e));
                }
            }
            Result d = rows.direct();
            Result g = rows.gateway();
            progress(d);
            progress(g);
            String note = join(pidNote, pace > 0 ? String.format(Locale.ROOT, "paced: %.0f requests/s each", pace)
                    : null);
            if (d.note() != null && d.note().equals(g.note())) {
                note = join(note, d.note());
            } else {
                note = join(note, d.note() == null ? null : "direct: " + d.note());
                note = join(note, g.note() == null ? null : "gateway: " + g.note());
            }
            OverheadTable.Line line = new OverheadTable.Line(name, d, g, cpu == null ? Double.NaN : cpu.cpuSeconds(),
                    cpu == null ? Double.NaN : cpu.wallSeconds(), ratioTarget, note).inRound(round);
            System.err.println(String.format(Locale.ROOT, "  ratio %s, added p50 %s ms, gateway %s cores",
                    OverheadTable.number(line.ratio(), 2), OverheadTable.signed(line.addedP50()),
                    OverheadTable.number(line.gatewayCores(), 2)));
            table.add(line);
            return rows;
        }
    }

    /** {@code GET /brokers} on {@code --connections} loops, straight to admin-service and through the gateway. */
    private static Compared brokersInTurns(BenchOptions o, MeasuredWindow gatewayWindow, double pace)
            throws InterruptedException {
        List<List<SameRequestLoop>> sets = new ArrayList<>();
        for (URI base : List.of(o.gateway().adminUrl(), o.gatewayUrl())) {
            sets.add(RequestLoop.pacedTogether(SameRequestLoop.of(o.connections(), base.resolve("/brokers"), "GET",
                    null, null, V2_ACCEPT, 1), pace));
        }
        ClosedLoop.Outcome[] r = ClosedLoop.runInTurns(sets.get(0), sets.get(1), o.warmup(), o.duration(),
                o.gateway().turn(), gatewayWindow);
        return new Compared(brokersRow(BenchOptions.DIRECT, r[0]), brokersRow(BenchOptions.GATEWAY, r[1]),
                r[0].requestsPerSec());
    }

    private static Result brokersRow(String path, ClosedLoop.Outcome r) {
        String name = "GET /brokers";
        if (r.requests() == 0) {
            return Result.failed(name, path, r.firstError() == null ? "no answer" : r.firstError());
        }
        return new Result(name, path, r.requestsPerSec(), Double.NaN, r.p50Ms(), r.p99Ms(), r.failed(),
                r.firstError());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    interface CaseBody {
        Result run() throws Exception;
    }

    private static Result attempt(String name, String path, CaseBody body) {
        try {
            return body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(name, path, "interrupted");
        } catch (Exception e) {
            return Result.failed(name, path, message(e));
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void progress(Result r) {
        System.err.println(r.ran()
                ? String.format(Locale.ROOT, "  %,.0f /s, p50 %s ms, p99 %s ms%s", r.recordsPerSec(),
                        OverheadTable.number(r.p50Ms(), 2), OverheadTable.number(r.p99Ms(), 2),
                        r.hasError() ? " (errors: " + r.failed() + " " + r.error() + ")" : "")
                : "  failed: " + r.error());
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static List<String> settings(BenchOptions o, long records, long pid) {
        return List.of(
                "date: " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                        + ", revision: " + System.getProperty("bench.revision", "unknown")
                        + ", cores: " + Runtime.getRuntime().availableProcessors()
                        + ", java: " + System.getProperty("java.version"),
                "per row: " + o.duration().toMillis() / 1000.0 + " s measured after " + o.warmup().toMillis() / 1000.0
                        + " s warm-up; the direct and the gateway clients take turns of "
                        + o.gateway().turn().toMillis() / 1000.0 + " s (never both at once; a turn ends once its"
                        + " requests in flight are answered), each row measured over its own turns"
                        + (o.gateway().rounds() > 1 ? "; all workloads " + o.gateway().rounds() + " times over" : ""),
                o.gateway().paced() > 0
                        ? "paced lines: the workload again, both rows sending " + o.gateway().paced() + " x the"
                        + " direct row's requests/s of the line before, spread over their connections (latency"
                        + " from when each request was due): the latency the gateway adds at equal load, below"
                        + " saturation; their ratio shows whether both kept the pace"
                        : "no paced lines (--paced 0)",
                "produce: v2 binary, " + PRODUCE_BATCH + " records of " + o.recordSize() + " bytes per request, "
                        + o.connections() + " keep-alive connections, a fresh topic per row; consume: v2 binary instances "
                        + o.consume().instances() + " reading a topic pre-filled with "
                        + String.format(Locale.ROOT, "%,d", records) + " records, a fresh group per row;"
                        + " GET /brokers: " + o.connections() + " keep-alive connections; latency from writing the"
                        + " request to reading the answer's last byte",
                "direct = produce-service " + o.produceUrl() + ", consume-service " + o.consume().url()
                        + ", admin-service " + o.gateway().adminUrl() + "; gateway = " + o.shownGatewayUrl()
                        + (pid > 0 ? " (pid " + pid + ")" : ""),
                "gateway cores = CPU seconds of the gateway process (utime+stime, /proc) during its row's measured"
                        + " turns / those turns' seconds; CPU ms/MB = per 10^6 bytes of record values; CPU us/unit ="
                        + " per record, or per request for GET /brokers",
                "targets: gateway / direct >= " + OverheadTable.RATIO_TARGET + " for produce and consume; added p50 <= "
                        + OverheadTable.number(OverheadTable.ADDED_P50_TARGET_MS, 0) + " ms");
    }
}
