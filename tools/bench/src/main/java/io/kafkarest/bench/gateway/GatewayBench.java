package io.kafkarest.bench.gateway;

import io.kafkarest.bench.BenchOptions;
import io.kafkarest.bench.Command;
import io.kafkarest.bench.MeasuredWindow;
import io.kafkarest.bench.ProcessCpu;
import io.kafkarest.bench.RestAdmin;
import io.kafkarest.bench.Result;
import io.kafkarest.bench.Wrk;
import io.kafkarest.bench.consume.ConsumeBench;
import io.kafkarest.bench.produce.Payloads;
import io.kafkarest.bench.produce.ProduceBench;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench gateway}: what the gateway costs. Three workloads, each straight to its service and through the
 * gateway - back to back, or for consume in alternating turns ({@code --turn}): v2 binary produce of 100 records
 * per request (the produce command's {@code v2-binary x100}), v2 binary consume (the consume command's {@code v2-binary xN} readers, for N in
 * {@code --instances}) and {@code GET /brokers} (admin-service, wrk). Per workload: both rates, their ratio, the
 * latency the gateway adds, and the CPU the gateway process used during its row (from /proc). The native Kafka
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
        Wrk wrk = new Wrk(o.outDir().resolve("tmp"), o.wrkThreads());
        if ((o.runs(PRODUCE) || o.runs(BROKERS)) && !Wrk.available()) {
            throw new IllegalStateException("wrk is not installed (apt-get install -y wrk)");
        }
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
            if (o.runs(PRODUCE)) {
                table.add(workload("v2 produce x" + PRODUCE_BATCH + " (records/s)", true, gatewayPid, pidNote,
                        window -> ProduceBench.v2BinaryCase(wrk, admin, o, payloads, rowId, PRODUCE_BATCH,
                                BenchOptions.DIRECT, MeasuredWindow.NONE),
                        window -> ProduceBench.v2BinaryCase(wrk, admin, o, payloads, rowId, PRODUCE_BATCH,
                                BenchOptions.GATEWAY, window)).inRound(round));
            }
            if (o.runs(CONSUME)) {
                for (int n : o.consume().instances()) {
                    String name = "v2 consume x" + n + " (records/s)";
                    table.add(line(name, true, gatewayPid, pidNote, window -> consumeInTurns(admin, o, name, topic,
                            records, n, "gw-" + rowId, failedSetup, window)).inRound(round));
                }
            }
            if (o.runs(BROKERS)) {
                table.add(workload("GET /brokers (requests/s)", false, gatewayPid, pidNote,
                        window -> brokers(wrk, o, BenchOptions.DIRECT, o.gateway().adminUrl(), window),
                        window -> brokers(wrk, o, BenchOptions.GATEWAY, o.gatewayUrl(), window)).inRound(round));
            }
        }

        String markdown = table.toMarkdown();
        System.out.println();
        System.out.println(markdown);
        Path file = table.write(o.outDir());
        System.out.println("Written to " + file);
        return (int) table.lines().stream().filter(l -> (l.direct() != null && l.direct().hasError())
                || (l.gateway() != null && l.gateway().hasError())).count();
    }

    /** Both rows of {@code v2 consume xN}: the direct and the gateway readers in turns. */
    private static Result[] consumeInTurns(RestAdmin admin, BenchOptions o, String name, String topic, long records,
                                           int n, String rowId, String failedSetup, MeasuredWindow gatewayWindow) {
        System.err.println(name + ", direct and gateway in turns of " + o.gateway().turn().toMillis() / 1000.0
                + " s ...");
        String error = failedSetup;
        Result[] rows = null;
        if (error == null) {
            try {
                rows = ConsumeBench.v2BinaryInTurns(admin, o, topic, records, n, rowId, o.gateway().turn(),
                        gatewayWindow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = message(e);
            }
        }
        if (rows == null) {
            rows = new Result[] {Result.failed(name, BenchOptions.DIRECT, error),
                                 Result.failed(name, BenchOptions.GATEWAY, error)};
        }
        progress(rows[0]);
        progress(rows[1]);
        return rows;
    }

    /** GET /brokers with wrk: warm-up, then the measured run; MB/s are the bytes of the answers wrk read. */
    private static Result brokers(Wrk wrk, BenchOptions o, String path, URI base, MeasuredWindow window)
            throws Exception {
        String name = "GET /brokers";
        URI url = base.resolve("/brokers");
        if (!o.warmup().isZero()) {
            wrk.get(url, V2_ACCEPT, o.connections(), o.warmup());
        }
        window.started();
        Wrk.Outcome r;
        try {
            r = wrk.get(url, V2_ACCEPT, o.connections(), o.duration());
        } finally {
            window.ended();
        }
        if (r.requests() == r.failed()) {
            return Result.failed(name, path, r.firstError() == null
                    ? "no request succeeded (" + r.socketErrors() + " socket errors)" : r.firstError());
        }
        String error = r.firstError();
        if (r.socketErrors() > 0) {
            error = r.socketErrors() + " socket errors" + (error == null ? "" : "; " + error);
        }
        double mbPerSec = r.bytesRead() < 0 ? Double.NaN : r.bytesRead() / r.seconds() / 1e6;
        return new Result(name, path, r.okRequestsPerSec(), mbPerSec, r.p50Ms(), r.p99Ms(), r.failed(), error);
    }

    interface Row {
        Result run(MeasuredWindow window) throws Exception;
    }

    /** Both rows of a workload, the gateway's told about its measured time: {direct, gateway}. */
    interface Rows {
        Result[] run(MeasuredWindow gatewayWindow);
    }

    /** The direct row, then the gateway row. */
    private static OverheadTable.Line workload(String name, boolean ratioTarget, long gatewayPid, String pidNote,
                                               Row direct, Row gateway) {
        return line(name, ratioTarget, gatewayPid, pidNote, window -> {
            System.err.println(name + ", direct ...");
            Result d = attempt(name, BenchOptions.DIRECT, () -> direct.run(MeasuredWindow.NONE));
            progress(d);
            System.err.println(name + ", gateway ...");
            Result g = attempt(name, BenchOptions.GATEWAY, () -> gateway.run(window));
            progress(g);
            return new Result[] {d, g};
        });
    }

    /** A workload's line: its rows, with the gateway's CPU measured over the gateway's measured time. */
    private static OverheadTable.Line line(String name, boolean ratioTarget, long gatewayPid, String pidNote,
                                           Rows rows) {
        ProcessCpu cpu = gatewayPid > 0 ? new ProcessCpu(gatewayPid) : null;
        Result[] both = rows.run(cpu == null ? MeasuredWindow.NONE : cpu);
        Result d = both[0];
        Result g = both[1];
        String note = pidNote;
        if (d.note() != null && d.note().equals(g.note())) {
            note = join(note, d.note());
        } else {
            note = join(note, d.note() == null ? null : "direct: " + d.note());
            note = join(note, g.note() == null ? null : "gateway: " + g.note());
        }
        OverheadTable.Line line = new OverheadTable.Line(name, d, g, cpu == null ? Double.NaN : cpu.cpuSeconds(),
                cpu == null ? Double.NaN : cpu.wallSeconds(), ratioTarget, note);
        System.err.println(String.format(Locale.ROOT, "  ratio %s, added p50 %s ms, gateway %s cores, %s CPU ms/MB",
                OverheadTable.number(line.ratio(), 2), OverheadTable.signed(line.addedP50()),
                OverheadTable.number(line.gatewayCores(), 2), OverheadTable.number(line.cpuMsPerMb(), 1)));
        return line;
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
                        + " s warm-up; produce and GET /brokers: the direct row, then the gateway row, back to back;"
                        + " consume: the direct and the gateway readers take turns of "
                        + o.gateway().turn().toMillis() / 1000.0 + " s (never both at once), each measured over its"
                        + " own turns"
                        + (o.gateway().rounds() > 1 ? "; all workloads " + o.gateway().rounds() + " times over" : ""),
                "produce: v2 binary, " + PRODUCE_BATCH + " records of " + o.recordSize() + " bytes per request, wrk "
                        + o.connections() + " connections, a fresh topic per row; consume: v2 binary instances "
                        + o.consume().instances() + " reading a topic pre-filled with "
                        + String.format(Locale.ROOT, "%,d", records) + " records, a fresh group per row;"
                        + " GET /brokers: wrk " + o.connections() + " connections",
                "direct = produce-service " + o.produceUrl() + ", consume-service " + o.consume().url()
                        + ", admin-service " + o.gateway().adminUrl() + "; gateway = " + o.gatewayUrl()
                        + (pid > 0 ? " (pid " + pid + ")" : ""),
                "gateway cores = CPU seconds of the gateway process (utime+stime, /proc) during its row's measured"
                        + " window / that window's seconds; CPU ms/MB = per 10^6 bytes of record values (GET /brokers:"
                        + " of answers, headers included); CPU us/unit = per record, or per request for GET /brokers",
                "targets: gateway / direct >= " + OverheadTable.RATIO_TARGET + " for produce and consume; added p50 <= "
                        + OverheadTable.number(OverheadTable.ADDED_P50_TARGET_MS, 0) + " ms");
    }
}
