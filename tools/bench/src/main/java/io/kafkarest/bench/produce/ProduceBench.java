package io.kafkarest.bench.produce;

import io.kafkarest.bench.BenchOptions;
import io.kafkarest.bench.ClosedLoop;
import io.kafkarest.bench.Command;
import io.kafkarest.bench.Compared;
import io.kafkarest.bench.MeasuredWindow;
import io.kafkarest.bench.RequestLoop;
import io.kafkarest.bench.RestAdmin;
import io.kafkarest.bench.Result;
import io.kafkarest.bench.ResultTable;
import io.kafkarest.bench.SameRequestLoop;
import io.kafkarest.bench.Wrk;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/bench produce}: the native Kafka producer (the baseline), v2 binary produce with several batch sizes,
 * v3 streaming produce and v2 avro produce, each HTTP case directly against produce-service and through the
 * gateway. Every case writes to a fresh topic. A case that cannot run (e.g. an endpoint answering 404) becomes a
 * row with its error; the others still run.
 */
public final class ProduceBench implements Command {
    public static final String NATIVE = "native";
    public static final String V2_BINARY = "v2-binary";
    public static final String V3_STREAM = "v3-stream";
    public static final String V2_AVRO = "v2-avro";
    static final int AVRO_BATCH = 100;

    private static final String V2_ACCEPT = "application/vnd.kafka.v2+json";
    private static final Pattern SCHEMA_ID = Pattern.compile("\"value_schema_id\"\\s*:\\s*(\\d+)");

    @Override
    public String description() {
        return "produce throughput and latency, as ratios to the native Kafka producer";
    }

    @Override
    public List<String> defaultCases() {
        return List.of(NATIVE, V2_BINARY, V3_STREAM, V2_AVRO);
    }

    @Override
    public int run(BenchOptions o) throws Exception {
        RestAdmin admin = new RestAdmin(o.gatewayUrl());
        Payloads payloads = new Payloads(o.recordSize());
        Wrk wrk = new Wrk(o.outDir().resolve("tmp"), o.wrkThreads());
        String runId = Command.runId();
        ResultTable table = new ResultTable("bin/bench produce", settings(o), NATIVE);
        boolean needsWrk = o.runs(V2_BINARY) || o.runs(V2_AVRO);
        if (needsWrk && !Wrk.available()) {
            throw new IllegalStateException("wrk is not installed (apt-get install -y wrk)");
        }

        if (o.runs(NATIVE)) {
            table.add(attempt(NATIVE, "kafka", () -> nativeCase(admin, o, payloads, runId)));
            progress(table);
        }
        if (o.runs(V2_BINARY)) {
            for (int batch : o.batches()) {
                for (String path : o.paths()) {
                    String name = V2_BINARY + " x" + batch;
                    table.add(attempt(name, path, () -> v2BinaryCase(wrk, admin, o, payloads, runId, batch, path,
                            MeasuredWindow.NONE)));
                    progress(table);
                }
            }
        }
        if (o.runs(V3_STREAM)) {
            for (String path : o.paths()) {
                table.add(attempt(V3_STREAM, path, () -> {
                    URI base = o.baseUrl(path, o.produceUrl());
                    String topic = topic(admin, o, runId, V3_STREAM + "-" + path);
                    admin.awaitProducible(base, topic, o.partitions(), Duration.ofSeconds(30));
                    V3StreamClient client = new V3StreamClient(base,
                            "/v3/clusters/" + admin.clusterId() + "/topics/" + topic + "/records",
                            payloads.v3Record(), o.streamWindow(), o.streamChunk());
                    if (!o.warmup().isZero()) {
                        V3StreamClient.Outcome w = client.run(o.connections(), o.warmup());
                        if (w.ok() == 0) {
                            return Result.failed(V3_STREAM, path, w.firstError() == null ? "no report" : w.firstError());
                        }
                    }
                    V3StreamClient.Outcome r = client.run(o.connections(), o.duration());
                    if (r.ok() == 0) {
                        return Result.failed(V3_STREAM, path, r.firstError() == null ? "no report" : r.firstError());
                    }
                    return Result.of(V3_STREAM, path, r.okPerSec(), o.recordSize(),
                            r.micros().getValueAtPercentile(50) / 1000.0, r.micros().getValueAtPercentile(99) / 1000.0,
                            r.failed(), r.firstError());
                }));
                progress(table);
            }
        }
        if (o.runs(V2_AVRO)) {
            for (String path : o.paths()) {
                String name = V2_AVRO + " x" + AVRO_BATCH;
                table.add(attempt(name, path, () -> {
                    URI base = o.baseUrl(path, o.produceUrl());
                    String topic = topic(admin, o, runId, V2_AVRO + "-" + path);
                    admin.awaitProducible(base, topic, o.partitions(), Duration.ofSeconds(30));
                    URI url = base.resolve("/topics/" + topic);
                    String contentType = "application/vnd.kafka.avro.v2+json";
                    HttpResponse<String> first = admin.send("POST", url, contentType,
                            payloads.v2AvroWithSchema(AVRO_BATCH));
                    Matcher id = SCHEMA_ID.matcher(first.body());
                    if (first.statusCode() != 200 || !id.find()) {
                        return Result.failed(name, path, "first request (with value_schema): HTTP "
                                + first.statusCode() + " " + first.body());
                    }
                    return wrkCase(wrk, o, name, path, url, contentType,
                            payloads.v2AvroWithId(Integer.parseInt(id.group(1)), AVRO_BATCH), AVRO_BATCH,
                            MeasuredWindow.NONE);
                }));
                progress(table);
            }
        }

        String markdown = table.toMarkdown();
        System.out.println();
        System.out.println(markdown);
        Path file = table.write(o.outDir());
        System.out.println("Written to " + file);
        return (int) table.rows().stream().filter(Result::hasError).count();
    }

    /** The case {@code native}: the Kafka producer in this JVM, on a fresh topic. */
    public static Result nativeCase(RestAdmin admin, BenchOptions o, Payloads payloads, String runId) throws Exception {
        String topic = topic(admin, o, runId, NATIVE);
        return NativeProducerBench.run(NATIVE, o.bootstrapServers(), topic, payloads.value(), o.warmup(),
                o.duration(), o.nativeInFlight());
    }

    /**
     * One row of the case {@code v2-binary xN}: wrk POSTs N binary records per request to a fresh topic, directly
     * to produce-service or through the gateway; {@code window} is told when wrk's measured run starts and ends.
     */
    public static Result v2BinaryCase(Wrk wrk, RestAdmin admin, BenchOptions o, Payloads payloads, String runId,
                                      int batch, String path, MeasuredWindow window) throws Exception {
        String name = V2_BINARY + " x" + batch;
        URI base = o.baseUrl(path, o.produceUrl());
        String topic = topic(admin, o, runId, V2_BINARY + "-" + batch + "-" + path);
        admin.awaitProducible(base, topic, o.partitions(), Duration.ofSeconds(30));
        return wrkCase(wrk, o, name, path, base.resolve("/topics/" + topic), "application/vnd.kafka.binary.v2+json",
                payloads.v2Binary(batch), batch, window);
    }

    /** wrk for the warm-up (unmeasured), then for the measured run. */
    /**
     * {@code v2-binary x<batch>} straight to produce-service and through the gateway in turns ({@link
     * ClosedLoop#runInTurns}; {@code --connections} loops each, to a fresh topic each): both see the same machine.
     * Each set sends {@code pace} requests per second, or as fast as it is answered (0). Both topics are deleted
     * afterwards.
     */
    public static Compared v2BinaryInTurns(RestAdmin admin, BenchOptions o, Payloads payloads, String runId,
                                           int batch, Duration turn, MeasuredWindow gatewayWindow, double pace)
            throws Exception {
        String name = V2_BINARY + " x" + batch;
        byte[] body = payloads.v2Binary(batch);
        List<List<SameRequestLoop>> sets = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        ClosedLoop.Outcome[] r;
        try {
            for (String path : List.of(BenchOptions.DIRECT, BenchOptions.GATEWAY)) {
                URI base = o.baseUrl(path, o.produceUrl());
                String topic = topic(admin, o, runId, V2_BINARY + "-" + batch + "-" + path);
                topics.add(topic);
                admin.awaitProducible(base, topic, o.partitions(), Duration.ofSeconds(30));
                sets.add(RequestLoop.pacedTogether(SameRequestLoop.of(o.connections(),
                        base.resolve("/topics/" + topic), "POST", body, "application/vnd.kafka.binary.v2+json",
                        V2_ACCEPT, batch), pace));
            }
            r = ClosedLoop.runInTurns(sets.get(0), sets.get(1), o.warmup(), o.duration(), turn, gatewayWindow);
        } finally {
            admin.deleteQuietly(topics); // 2 x 18 s at 100 MB/s: a 5-round gateway run would keep 35 GB
        }
        return new Compared(inTurns(name, BenchOptions.DIRECT, batch, r[0], o),
                inTurns(name, BenchOptions.GATEWAY, batch, r[1], o), r[0].requestsPerSec());
    }

    private static Result inTurns(String name, String path, int batch, ClosedLoop.Outcome r, BenchOptions o) {
        if (r.requests() == 0) {
            return Result.failed(name, path, r.firstError() == null ? "no answer" : r.firstError());
        }
        return Result.of(name, path, r.records() / r.seconds(), o.recordSize(),
                r.p50Ms(), r.p99Ms(), r.failed() * batch, r.firstError());
    }

    private static Result wrkCase(Wrk wrk, BenchOptions o, String name, String path, URI url, String contentType,
                                  byte[] body, int batch, MeasuredWindow window) throws Exception {
        if (!o.warmup().isZero()) {
            wrk.post(url, contentType, V2_ACCEPT, body, o.connections(), o.warmup());
        }
        window.started();
        Wrk.Outcome r;
        try {
            r = wrk.post(url, contentType, V2_ACCEPT, body, o.connections(), o.duration());
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
        return Result.of(name, path, r.okRequestsPerSec() * batch, o.recordSize(), r.p50Ms(), r.p99Ms(),
                r.failed() * batch, error);
    }

    private static String topic(RestAdmin admin, BenchOptions o, String runId, String caseName) throws Exception {
        String topic = "bench-" + caseName + "-" + runId;
        admin.createTopic(topic, o.partitions());
        return topic;
    }

    interface CaseBody {
        Result run() throws Exception;
    }

    private static Result attempt(String name, String path, CaseBody body) {
        System.err.printf("%s (%s) ...%n", name, path);
        try {
            return body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(name, path, "interrupted");
        } catch (Exception e) {
            return Result.failed(name, path, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static void progress(ResultTable table) {
        List<Result> rows = table.rows();
        Result r = rows.get(rows.size() - 1);
        System.err.println(r.ran()
                ? String.format(Locale.ROOT, "  %,.0f records/s, p50 %.2f ms, p99 %.2f ms%s", r.recordsPerSec(),
                        r.p50Ms(), r.p99Ms(), r.hasError() ? " (errors: " + r.failed() + " " + r.error() + ")" : "")
                : "  failed: " + r.error());
    }

    private static List<String> settings(BenchOptions o) {
        return List.of(
                "date: " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                        + ", revision: " + System.getProperty("bench.revision", "unknown")
                        + ", cores: " + Runtime.getRuntime().availableProcessors()
                        + ", java: " + System.getProperty("java.version"),
                "per case: " + o.duration().toMillis() / 1000.0 + " s measured after " + o.warmup().toMillis() / 1000.0
                        + " s warm-up, fresh topic with " + o.partitions() + " partitions",
                "records: " + o.recordSize() + " bytes; HTTP: " + o.connections() + " connections (wrk, "
                        + o.wrkThreads() + " threads) / " + o.connections() + " v3 streams (window "
                        + o.streamWindow() + ", " + o.streamChunk() + " records per chunk)",
                "native: at most " + (o.nativeInFlight() == 0 ? "unlimited" : o.nativeInFlight())
                        + " records in flight; direct = produce-service " + o.produceUrl()
                        + ", gateway = " + o.shownGatewayUrl() + ", Kafka "
                        + o.bootstrapServers(),
                "ratio = records/s of the row / records/s of native; MB/s = records/s x record size / 10^6");
    }
}
