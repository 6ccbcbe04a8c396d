package io.kafkarest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (a cheap C load generator: one epoll loop per thread) with {@code wrk/post.lua}: the same POST
 * body (or the same GET) on every request over N keep-alive connections, for a fixed time.
 */
public final class Wrk {
    private static final Pattern SUMMARY = Pattern.compile(
            "BENCH requests=(\\d+) duration_us=(\\d+) failed=(\\d+) socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)"
                    + "(?: bytes=(\\d+))?");

    /**
     * What wrk measured.
     *
     * @param requests     completed requests (failed ones included)
     * @param seconds      the measured time
     * @param failed       requests with a non-2xx status or an error_code in the body
     * @param socketErrors connect/read/write errors and timeouts
     * @param p50Ms        median request latency
     * @param p99Ms        99th percentile request latency
     * @param firstError   the first failed answer (status and the start of the body), or null
     * @param bytesRead    bytes wrk read (answers, headers included); -1 when not reported
     */
    public record Outcome(long requests, double seconds, long failed, long socketErrors, double p50Ms, double p99Ms,
                          String firstError, long bytesRead) {
        public double okRequestsPerSec() {
            return (requests - failed) / seconds;
        }
    }

    private final Path workDir;
    private final int threads;
    private Path script;

    /**
     * @param workDir where the Lua script and the request bodies are written
     * @param threads wrk threads (-t), capped by the connections of each run
     */
    public Wrk(Path workDir, int threads) {
        this.workDir = workDir;
        this.threads = threads;
    }

    /** Whether wrk is on the PATH. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(5, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs {@code body} to {@code url} over {@code connections} connections for {@code duration}. */
    public Outcome post(URI url, String contentType, String accept, byte[] body, int connections, Duration duration)
            throws IOException, InterruptedException {
        return run("POST", url, contentType, accept, body, connections, duration);
    }

    /** GETs {@code url} over {@code connections} connections for {@code duration}. */
    public Outcome get(URI url, String accept, int connections, Duration duration)
            throws IOException, InterruptedException {
        return run("GET", url, "", accept, null, connections, duration);
    }

    private Outcome run(String method, URI url, String contentType, String accept, byte[] body, int connections,
                        Duration duration) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path bodyFile = body == null ? null : Files.createTempFile(workDir, "body-", ".json");
        try {
            if (bodyFile != null) {
                Files.write(bodyFile, body);
            }
            List<String> command = new ArrayList<>(List.of("wrk",
                    "-t", String.valueOf(Math.min(threads, connections)), "-c", String.valueOf(connections),
                    "-d", Math.max(1, (duration.toMillis() + 999) / 1000) + "s", "--timeout", "30s", "--latency",
                    "-s", script().toString(), HttpWire.withoutUserInfo(url).toString(),
                    "--", bodyFile == null ? "" : bodyFile.toString(),
                    contentType, accept, method));
            String authorization = HttpWire.authorization(url);
            if (authorization != null) { // wrk does not take credentials from the URL
                command.addAll(1, List.of("-H", "Authorization: " + authorization));
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            return parse(output, exit);
        } finally {
            if (bodyFile != null) {
                Files.deleteIfExists(bodyFile);
            }
        }
    }

    static Outcome parse(String output, int exit) throws IOException {
        Matcher m = SUMMARY.matcher(output);
        if (!m.find()) {
            throw new IOException("wrk exited with " + exit + " without a summary: " + output.strip());
        }
        String firstError = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH_ERROR ") && line.length() > "BENCH_ERROR ".length()) {
                firstError = line.substring("BENCH_ERROR ".length()).strip();
            }
        }
        return new Outcome(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) / 1000.0, Long.parseLong(m.group(6)) / 1000.0,
                firstError, m.group(7) == null ? -1 : Long.parseLong(m.group(7)));
    }

    private synchronized Path script() throws IOException {
        if (script == null) {
            Files.createDirectories(workDir);
            script = workDir.resolve("post.lua");
            try (InputStream in = Wrk.class.getResourceAsStream("/wrk/post.lua")) {
                if (in == null) {
                    throw new IOException("wrk/post.lua is missing from the jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return script;
    }
}
