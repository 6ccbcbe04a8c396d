package io.kafkarest.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options every {@code bin/bench} command understands. Durations take a unit: {@code 500ms}, {@code 20s},
 * {@code 2m} (a bare number is seconds).
 */
public record BenchOptions(Duration duration, Duration warmup, int connections, int recordSize, List<String> cases,
                           List<Integer> batches, List<String> paths, int partitions, URI gatewayUrl,
                           URI produceUrl, String bootstrapServers, Path outDir, int wrkThreads, int streamWindow,
                           int streamChunk, int nativeInFlight, Consume consume, Gateway gateway) {

    public static final String DIRECT = "direct";
    public static final String GATEWAY = "gateway";

    static final String HELP = """
            options (defaults in brackets):
              --duration D          measured time per case [20s]
              --warmup D            unmeasured warm-up per case, on the same topic [3s]
              --connections N       concurrent HTTP connections / v3 streams [16]
              --record-size BYTES   record value size [1024]
              --cases a,b           cases to run [all of the command]
              --batches 1,10,100    records per request of v2-binary [1,10,100]
              --paths direct,gateway  where HTTP cases go: produce-service directly and/or the gateway [both]
              --partitions N        partitions of each fresh topic [6]
              --gateway-url URL     [http://localhost:8080]; http://user:password@host:port sends
                                    those credentials (HTTP Basic) to a gateway that asks for them
              --produce-url URL     produce-service, for the direct path [http://localhost:8082]
              --bootstrap HOST:PORT Kafka, for the native client [localhost:9092]
              --out-dir DIR         where results-<timestamp>.md goes [.local/bench]
              --wrk-threads N       wrk threads (at most --connections) [2]
              --stream-window N     v3 stream: records in flight per stream (sent, report not yet read) [1000]
              --stream-chunk N      v3 stream: records written per HTTP chunk (one flush) [10]
              --native-in-flight N  native: records sent but not yet acknowledged, at most (0 = no limit, as
                                    kafka-producer-perf-test: latency then includes the client's queue) [1000]
            consume only:
              --consume-url URL     consume-service, for the direct path [http://localhost:8083]
              --instances 1,3       consumer instances per group of v2-binary [1,3]
              --records N           records pre-filled into the topic (0 = 400,000 per second of warm-up +
                                    duration: 9.2 M, about 10 GB, for the defaults) [0]
              --read-timeout D      timeout of each GET .../records [1s]
              --max-bytes N         max_bytes of each GET .../records [4194304]
              --idle-instances N    subscribed instances of idle-memory [1000]
              --consume-pid PID     consume-service process for idle-memory's RSS [found in /proc]
            gateway only (also uses --produce-url, --consume-url, --instances, --records, ...):
              --admin-url URL       admin-service, for GET /brokers directly [http://localhost:8081]
              --gateway-pid PID     the gateway process whose CPU time is read [the one listening on the
                                    --gateway-url port, found in /proc]
              --rounds N            run the workloads N times over and add a table of the medians: one
                                    run on two shared cores moves a ratio by 0.1 or more [1]
              --turn D              the direct and the gateway clients of each workload run in turns of
                                    this long, so that both see the same machine [2s]
              --paced F             then each workload again, both rows paced at F times the direct
                                    row's request rate: the latency the gateway adds at equal load
                                    (0 = not) [0.5]
            """;

    public static BenchOptions defaults(List<String> cases) {
        return new BenchOptions(Duration.ofSeconds(20), Duration.ofSeconds(3), 16, 1024, cases, List.of(1, 10, 100),
                List.of(DIRECT, GATEWAY), 6, URI.create("http://localhost:8080"), URI.create("http://localhost:8082"),
                "localhost:9092", Path.of(".local/bench"), 2, 1000, 10, 1000, Consume.DEFAULTS, Gateway.DEFAULTS);
    }

    public static BenchOptions parse(String[] args, List<String> allCases) {
        BenchOptions o = defaults(allCases);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            o = switch (name) {
                case "--duration" -> o.with(duration(value), o.warmup, o.connections, o.recordSize, o.cases, o.batches, o.paths);
                case "--warmup" -> o.with(o.duration, duration(value), o.connections, o.recordSize, o.cases, o.batches, o.paths);
                case "--connections" -> o.with(o.duration, o.warmup, positive(name, value), o.recordSize, o.cases, o.batches, o.paths);
                case "--record-size" -> o.with(o.duration, o.warmup, o.connections, positive(name, value), o.cases, o.batches, o.paths);
                case "--cases" -> o.with(o.duration, o.warmup, o.connections, o.recordSize, subset(name, value, allCases), o.batches, o.paths);
                case "--batches" -> o.with(o.duration, o.warmup, o.connections, o.recordSize, o.cases,
                        split(value).stream().map(b -> positive("--batches", b)).toList(), o.paths);
                case "--paths" -> o.with(o.duration, o.warmup, o.connections, o.recordSize, o.cases, o.batches,
                        subset(name, value, List.of(DIRECT, GATEWAY)));
                case "--partitions" -> new BenchOptions(o.duration, o.warmup, o.connections, o.recordSize, o.cases, o.batches,
                        o.paths, positive(name, value), o.gatewayUrl, o.produceUrl, o.bootstrapServers, o.outDir,
                        o.wrkThreads, o.streamWindow, o.streamChunk, o.nativeInFlight, o.consume, o.gateway);
                case "--gateway-url" -> o.withEndpoints(url(value), o.produceUrl, o.bootstrapServers, o.outDir);
                case "--produce-url" -> o.withEndpoints(o.gatewayUrl, url(value), o.bootstrapServers, o.outDir);
                case "--bootstrap" -> o.withEndpoints(o.gatewayUrl, o.produceUrl, value, o.outDir);
                case "--out-dir" -> o.withEndpoints(o.gatewayUrl, o.produceUrl, o.bootstrapServers, Path.of(value));
                case "--wrk-threads" -> o.withTuning(positive(name, value), o.streamWindow, o.streamChunk);
                case "--stream-window" -> o.withTuning(o.wrkThreads, positive(name, value), o.streamChunk);
                case "--stream-chunk" -> o.withTuning(o.wrkThreads, o.streamWindow, positive(name, value));
                case "--native-in-flight" -> new BenchOptions(o.duration, o.warmup, o.connections, o.recordSize, o.cases,
                        o.batches, o.paths, o.partitions, o.gatewayUrl, o.produceUrl, o.bootstrapServers, o.outDir,
                        o.wrkThreads, o.streamWindow, o.streamChunk, nonNegative(name, value), o.consume, o.gateway);
                case "--consume-url" -> o.withConsume(o.consume.withUrl(url(value)));
                case "--instances" -> o.withConsume(o.consume.withInstances(
                        split(value).stream().map(n -> positive("--instances", n)).toList()));
                case "--records" -> o.withConsume(o.consume.withRecords(nonNegativeLong(name, value)));
                case "--read-timeout" -> o.withConsume(o.consume.withReadTimeout(duration(value)));
                case "--max-bytes" -> o.withConsume(o.consume.withMaxBytes(positive(name, value)));
                case "--idle-instances" -> o.withConsume(o.consume.withIdleInstances(positive(name, value)));
                case "--consume-pid" -> o.withConsume(o.consume.withPid(positive(name, value)));
                case "--admin-url" -> o.withGateway(o.gateway.withAdminUrl(url(value)));
                case "--gateway-pid" -> o.withGateway(o.gateway.withPid(positive(name, value)));
                case "--rounds" -> o.withGateway(o.gateway.withRounds(positive(name, value)));
                case "--turn" -> o.withGateway(o.gateway.withTurn(positiveDuration(name, value)));
                case "--paced" -> o.withGateway(o.gateway.withPaced(fraction(name, value)));
                default -> throw new IllegalArgumentException("Unknown option: " + name);
            };
        }
        if (o.streamChunk > o.streamWindow) {
            throw new IllegalArgumentException("--stream-chunk must not exceed --stream-window");
        }
        return o;
    }

    private BenchOptions with(Duration d, Duration w, int c, int size, List<String> cs, List<Integer> b, List<String> p) {
        return new BenchOptions(d, w, c, size, cs, b, p, partitions, gatewayUrl, produceUrl, bootstrapServers, outDir,
                wrkThreads, streamWindow, streamChunk, nativeInFlight, consume, gateway);
    }

    private BenchOptions withEndpoints(URI gateway, URI produce, String bootstrap, Path out) {
        return new BenchOptions(duration, warmup, connections, recordSize, cases, batches, paths, partitions, gateway,
                produce, bootstrap, out, wrkThreads, streamWindow, streamChunk, nativeInFlight, consume, this.gateway);
    }

    private BenchOptions withTuning(int threads, int window, int chunk) {
        return new BenchOptions(duration, warmup, connections, recordSize, cases, batches, paths, partitions,
                gatewayUrl, produceUrl, bootstrapServers, outDir, threads, window, chunk, nativeInFlight, consume, gateway);
    }

    private BenchOptions withConsume(Consume c) {
        return new BenchOptions(duration, warmup, connections, recordSize, cases, batches, paths, partitions,
                gatewayUrl, produceUrl, bootstrapServers, outDir, wrkThreads, streamWindow, streamChunk, nativeInFlight,
                c, gateway);
    }

    private BenchOptions withGateway(Gateway g) {
        return new BenchOptions(duration, warmup, connections, recordSize, cases, batches, paths, partitions,
                gatewayUrl, produceUrl, bootstrapServers, outDir, wrkThreads, streamWindow, streamChunk, nativeInFlight,
                consume, g);
    }

    /**
     * The options of {@code bin/bench consume}.
     *
     * @param url           consume-service, for the direct path
     * @param instances     consumer instances per group of {@code v2-binary} (one row per value)
     * @param records       records pre-filled into the topic; 0 = enough for warm-up + duration at
     *                      {@link #RECORDS_PER_SEC_SIZING} records/s
     * @param readTimeout   the {@code timeout} of each {@code GET .../records}
     * @param maxBytes      the {@code max_bytes} of each {@code GET .../records}
     * @param idleInstances instances of the {@code idle-memory} case
     * @param pid           the consume-service process whose RSS {@code idle-memory} reads; 0 = found in /proc
     */
    public record Consume(URI url, List<Integer> instances, long records, Duration readTimeout, int maxBytes,
                          int idleInstances, long pid) {
        /** The rate the default {@code --records} is sized for (the native consumer on a fast machine). */
        public static final long RECORDS_PER_SEC_SIZING = 400_000;

        static final Consume DEFAULTS = new Consume(URI.create("http://localhost:8083"), List.of(1, 3), 0,
                Duration.ofSeconds(1), 4 * 1024 * 1024, 1000, 0);

        /** Records to pre-fill: {@code --records}, or enough for the warm-up and the measured run. */
        public long recordsFor(Duration warmup, Duration duration) {
            return records > 0 ? records : RECORDS_PER_SEC_SIZING * (warmup.toMillis() + duration.toMillis()) / 1000;
        }

        Consume withUrl(URI u) {
            return new Consume(u, instances, records, readTimeout, maxBytes, idleInstances, pid);
        }

        Consume withInstances(List<Integer> n) {
            return new Consume(url, n, records, readTimeout, maxBytes, idleInstances, pid);
        }

        Consume withRecords(long n) {
            return new Consume(url, instances, n, readTimeout, maxBytes, idleInstances, pid);
        }

        Consume withReadTimeout(Duration d) {
            return new Consume(url, instances, records, d, maxBytes, idleInstances, pid);
        }

        Consume withMaxBytes(int n) {
            return new Consume(url, instances, records, readTimeout, n, idleInstances, pid);
        }

        Consume withIdleInstances(int n) {
            return new Consume(url, instances, records, readTimeout, maxBytes, n, pid);
        }

        Consume withPid(long p) {
            return new Consume(url, instances, records, readTimeout, maxBytes, idleInstances, p);
        }
    }

    /**
     * The options of {@code bin/bench gateway}.
     *
     * @param adminUrl admin-service, for {@code GET /brokers} directly
     * @param pid      the gateway process whose CPU time is read; 0 = the one listening on the gateway URL's port
     * @param rounds   how many times the workloads run, one after the other
     * @param turn     how long the direct and the gateway clients of a workload run in turn
     * @param paced    each workload again at this fraction of its direct request rate, paced (0 = not)
     */
    public record Gateway(URI adminUrl, long pid, int rounds, Duration turn, double paced) {
        static final Gateway DEFAULTS = new Gateway(URI.create("http://localhost:8081"), 0, 1, Duration.ofSeconds(2),
                0.5);

        Gateway withAdminUrl(URI url) {
            return new Gateway(url, pid, rounds, turn, paced);
        }

        Gateway withPid(long p) {
            return new Gateway(adminUrl, p, rounds, turn, paced);
        }

        Gateway withRounds(int n) {
            return new Gateway(adminUrl, pid, n, turn, paced);
        }

        Gateway withTurn(Duration d) {
            return new Gateway(adminUrl, pid, rounds, d, paced);
        }

        Gateway withPaced(double f) {
            return new Gateway(adminUrl, pid, rounds, turn, f);
        }
    }

    /** The base URL of a path: {@link #DIRECT} is the service itself. */
    public URI baseUrl(String path, URI directUrl) {
        return path.equals(GATEWAY) ? gatewayUrl : directUrl;
    }

    /** The gateway's URL as the results print it: without credentials ({@code user:password@}). */
    public URI shownGatewayUrl() {
        return HttpWire.withoutUserInfo(gatewayUrl);
    }

    public boolean runs(String caseName) {
        return cases.contains(caseName);
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad duration '" + text + "': use e.g. 500ms, 20s, 2m");
        }
    }

    private static Duration positiveDuration(String name, String value) {
        Duration d = duration(value);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " needs a duration above zero, not '" + value + "'");
        }
        return d;
    }

    /** A fraction in [0, 1). */
    private static double fraction(String name, String value) {
        try {
            double f = Double.parseDouble(value.trim());
            if (!(f >= 0 && f < 1)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a fraction from 0 up to (not including) 1, not '"
                    + value + "'");
        }
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a positive number, not '" + value + "'");
        }
    }

    private static int nonNegative(String name, String value) {
        return value.trim().equals("0") ? 0 : positive(name, value);
    }

    private static long nonNegativeLong(String name, String value) {
        try {
            long n = Long.parseLong(value.trim().replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number >= 0, not '" + value + "'");
        }
    }

    private static URI url(String value) {
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return URI.create(v);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> subset(String name, String value, List<String> allowed) {
        List<String> chosen = new ArrayList<>();
        for (String c : split(value)) {
            if (!allowed.contains(c)) {
                throw new IllegalArgumentException("Unknown value '" + c + "' for " + name + "; one of " + allowed);
            }
            chosen.add(c);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one of " + allowed);
        }
        // run order is the command's order, not the order given
        return allowed.stream().filter(chosen::contains).toList();
    }
}
