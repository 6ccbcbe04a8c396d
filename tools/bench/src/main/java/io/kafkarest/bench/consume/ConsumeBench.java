package io.kafkarest.bench.consume;

import io.kafkarest.bench.BenchOptions;
import io.kafkarest.bench.ClosedLoop;
import io.kafkarest.bench.Command;
import io.kafkarest.bench.Compared;
import io.kafkarest.bench.MeasuredWindow;
import io.kafkarest.bench.RestAdmin;
import io.kafkarest.bench.Result;
import io.kafkarest.bench.ResultTable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench consume}: the native Kafka consumer (the baseline), v2 binary consumers (1 and 3 instances in
 * one group) directly against consume-service and through the gateway, and the memory of idle subscribed
 * instances. All cases read one topic, created and pre-filled once per run; each reading case uses a fresh group
 * and reads from the beginning. A case that cannot run becomes a row with its error; the others still run.
 */
public final class ConsumeBench implements Command {
    public static final String NATIVE = "native";
    public static final String V2_BINARY = "v2-binary";
    public static final String IDLE_MEMORY = "idle-memory";
    /** Requests at a time when creating or deleting many instances. */
    static final int ADMIN_PARALLELISM = 8;

    @Override
    public String description() {
        return "consume throughput and latency as ratios to the native Kafka consumer; memory per idle instance";
    }

    @Override
    public List<String> defaultCases() {
        return List.of(NATIVE, V2_BINARY, IDLE_MEMORY);
    }

    @Override
    public int run(BenchOptions o) throws Exception {
        RestAdmin admin = new RestAdmin(o.gatewayUrl());
        BenchOptions.Consume c = o.consume();
        String runId = Command.runId();
        boolean reads = o.runs(NATIVE) || o.runs(V2_BINARY);
        long records = reads ? c.recordsFor(o.warmup(), o.duration()) : 0;
        ResultTable table = new ResultTable("bin/bench consume", settings(o, records), NATIVE);

        String topic = "bench-consume-" + runId;
        String setupError = null;
        try {
            System.err.printf("Creating %s (%d partitions) and filling it with %,d records of %d bytes ...%n", topic,
                    o.partitions(), records, o.recordSize());
            prepareTopic(admin, o, topic, records);
        } catch (Exception e) {
            setupError = "topic " + topic + ": " + message(e);
        }

        if (o.runs(NATIVE)) {
            table.add(attempt(NATIVE, "kafka", setupError, () -> {
                NativeConsumerBench.Outcome r = NativeConsumerBench.run(o.bootstrapServers(), topic,
                        "bench-native-" + runId, o.warmup(), o.duration());
                Window w = Window.of(r.records(), r.seconds(), r.totalRecords(), records, r.lastRecordNs(),
                        r.windowStartNs());
                Result row = Result.of(NATIVE, "kafka", w.perSec(), o.recordSize(), Double.NaN, Double.NaN, 0, null);
                return w.note() == null ? row : row.withNote(w.note());
            }));
            progress(table);
        }
        if (o.runs(V2_BINARY)) {
            for (int n : c.instances()) {
                for (String path : o.paths()) {
                    String name = V2_BINARY + " x" + n;
                    table.add(attempt(name, path, setupError, () -> v2BinaryCase(admin, o, topic, records, n, path,
                            runId, MeasuredWindow.NONE)));
                    progress(table);
                }
            }
        }
        if (o.runs(IDLE_MEMORY)) {
            String name = IDLE_MEMORY + " x" + c.idleInstances();
            table.add(attempt(name, BenchOptions.DIRECT, setupError, () -> IdleMemory.run(name, admin, c.url(), topic,
                    "bench-idle-" + runId, c.idleInstances(), c.pid())));
            progress(table);
        }

        String markdown = table.toMarkdown();
        System.out.println();
        System.out.println(markdown);
        Path file = table.write(o.outDir());
        System.out.println("Written to " + file);
        return (int) table.rows().stream().filter(Result::hasError).count();
    }

    /** Creates the run's topic and fills it with {@code records} records of {@code --record-size} bytes. */
    public static void prepareTopic(RestAdmin admin, BenchOptions o, String topic, long records) throws Exception {
        admin.createTopic(topic, o.partitions());
        Prefill.fill(o.bootstrapServers(), topic, records, o.recordSize());
    }

    /**
     * One row of the case {@code v2-binary xN}: N instances in a fresh group read {@code topic} (pre-filled with
     * {@code filled} records) from the beginning, directly from consume-service or through the gateway;
     * {@code window} is told when the measured window starts and ends. The instances are deleted at the end.
     */
    public static Result v2BinaryCase(RestAdmin admin, BenchOptions o, String topic, long filled, int n, String path,
                                      String runId, MeasuredWindow window) throws Exception {
        BenchOptions.Consume c = o.consume();
        String name = V2_BINARY + " x" + n;
        URI base = o.baseUrl(path, c.url());
        try (ConsumerInstances instances = new ConsumerInstances(admin, base, "bench-" + n + "-" + path + "-" + runId)) {
            List<URI> uris = instances.create(n, topic, ADMIN_PARALLELISM);
            ClosedLoop.Outcome r = new V2RecordsClient(c.readTimeout(), c.maxBytes())
                    .run(uris, o.warmup(), o.duration(), window);
            Window w = Window.of(r.records(), r.seconds(), r.totalRecords(), filled, r.lastRecordNs(),
                    r.windowStartNs());
            return row(name, path, w.perSec(), w.note(), r, o);
        }
    }

    /**
     * The case {@code v2-binary xN} straight to consume-service and through the gateway at once: N instances in a
     * fresh group on each path read {@code topic} from the beginning, the two groups taking turns of {@code turn}
     * ({@link V2RecordsClient#runInTurns}) until each has read for {@code --duration} after {@code --warmup};
     * {@code gatewayWindow} is told when each of the gateway's measured turns starts and ends. Each group sends
     * {@code pace} requests per second, or reads as fast as it is answered (0).
     */
    public static Compared v2BinaryInTurns(RestAdmin admin, BenchOptions o, String topic, long filled, int n,
                                           String runId, Duration turn, MeasuredWindow gatewayWindow, double pace)
            throws Exception {
        BenchOptions.Consume c = o.consume();
        try (ConsumerInstances direct = new ConsumerInstances(admin, c.url(),
                "bench-" + n + "-" + BenchOptions.DIRECT + "-" + runId);
             ConsumerInstances gateway = new ConsumerInstances(admin, o.gatewayUrl(),
                     "bench-" + n + "-" + BenchOptions.GATEWAY + "-" + runId)) {
            List<URI> d = direct.create(n, topic, ADMIN_PARALLELISM);
            List<URI> g = gateway.create(n, topic, ADMIN_PARALLELISM);
            ClosedLoop.Outcome[] r = new V2RecordsClient(c.readTimeout(), c.maxBytes())
                    .runInTurns(d, g, o.warmup(), o.duration(), turn, gatewayWindow, pace);
            return new Compared(inTurns(BenchOptions.DIRECT, n, filled, r[0], o),
                    inTurns(BenchOptions.GATEWAY, n, filled, r[1], o), r[0].requestsPerSec());
        }
    }

    /** A path's row of a run in turns: its rate over its own measured time. */
    private static Result inTurns(String path, int n, long filled, ClosedLoop.Outcome r, BenchOptions o) {
        return row(V2_BINARY + " x" + n, path, r.records() / r.seconds(), filled > 0 && r.totalRecords() >= filled
                ? "read the whole topic, idle for part of its turns: raise --records" : null, r, o);
    }

    /** A reading row: the rate, the latency per request, records per answer and {@code note} (or null). */
    private static Result row(String name, String path, double perSec, String note, ClosedLoop.Outcome r,
                              BenchOptions o) {
        if (r.requests() == 0) {
            return Result.failed(name, path, r.firstError() == null ? "no answer" : r.firstError());
        }
        String notes = String.format(Locale.ROOT, "%.0f records per answer", (double) r.records() / r.requests())
                + (note == null ? "" : "; " + note);
        return Result.of(name, path, perSec, o.recordSize(), r.p50Ms(), r.p99Ms(), r.failed(), r.firstError())
                .withNote(notes);
    }

    /**
     * The measured window of a reading case. When the case read the whole topic, it idled at the end for part of
     * the window: then records/s is taken over the time up to its last record, with a note.
     */
    record Window(double perSec, String note) {
        static Window of(long records, double seconds, long totalRead, long filled, long lastRecordNs,
                         long windowStartNs) {
            if (filled > 0 && totalRead >= filled) {
                double busy = (lastRecordNs - windowStartNs) / 1e9;
                if (busy <= 0) {
                    return new Window(Double.NaN, "read the whole topic before the measured window: raise --records");
                }
                return new Window(records / Math.min(busy, seconds), String.format(Locale.ROOT,
                        "read the whole topic after %.1f s of the window (rate over that time): raise --records",
                        busy));
            }
            return new Window(records / seconds, null);
        }
    }

    interface CaseBody {
        Result run() throws Exception;
    }

    private static Result attempt(String name, String path, String setupError, CaseBody body) {
        System.err.printf("%s (%s) ...%n", name, path);
        if (setupError != null) {
            return Result.failed(name, path, setupError);
        }
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

    private static void progress(ResultTable table) {
        List<Result> rows = table.rows();
        Result r = rows.get(rows.size() - 1);
        String note = r.note() == null ? "" : " (" + r.note() + ")";
        if (r.ran()) {
            System.err.println(String.format(Locale.ROOT, "  %,.0f records/s, p50 %s ms, p99 %s ms%s%s",
                    r.recordsPerSec(), ms(r.p50Ms()), ms(r.p99Ms()),
                    r.hasError() ? " (errors: " + r.failed() + " " + r.error() + ")" : "", note));
        } else {
            System.err.println(r.error() != null ? "  failed: " + r.error() : " " + note);
        }
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<String> settings(BenchOptions o, long records) {
        BenchOptions.Consume c = o.consume();
        return List.of(
                "date: " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                        + ", revision: " + System.getProperty("bench.revision", "unknown")
                        + ", cores: " + Runtime.getRuntime().availableProcessors()
                        + ", java: " + System.getProperty("java.version"),
                "one fresh topic with " + o.partitions() + " partitions, pre-filled with " + String.format(Locale.ROOT,
                        "%,d", records) + " records of " + o.recordSize() + " bytes; every reading case: a fresh group"
                        + " from the beginning, " + o.duration().toMillis() / 1000.0 + " s measured after "
                        + o.warmup().toMillis() / 1000.0 + " s warm-up (after its first records)",
                "v2-binary: instances " + c.instances() + ", one keep-alive connection each, GET .../records?timeout="
                        + c.readTimeout().toMillis() + "&max_bytes=" + c.maxBytes() + "; latency per request",
                "direct = consume-service " + c.url() + ", gateway = " + o.shownGatewayUrl() + ", Kafka "
                        + o.bootstrapServers(),
                "ratio = records/s of the row / records/s of native; MB/s = records/s x record size / 10^6;"
                        + " idle-memory: RSS growth of consume-service / instances, in the notes");
    }
}
