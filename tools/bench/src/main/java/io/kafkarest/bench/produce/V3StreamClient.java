package io.kafkarest.bench.produce;

import io.kafkarest.bench.HttpWire;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The v3 streaming produce client: N concurrent {@code POST .../records} requests over plain sockets (HTTP/1.1),
 * each with a chunked request body that is a stream of concatenated JSON records, while the same connection reads
 * the response: one JSON delivery report per line, in record order.
 *
 * <p>Per stream one thread writes and one reads. The writer keeps at most {@code window} records in flight (written,
 * report not read yet) and writes up to {@code chunk} records per HTTP chunk (one flush). Latency of a record = from
 * just before its chunk is written to reading its report. Only reports with {@code "error_code":200} count as
 * produced; any other report, a non-200 answer or a stream that ends early counts as failed (first error kept).
 */
public final class V3StreamClient {
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * What all streams together saw.
     *
     * @param ok         reports with error_code 200
     * @param failed     error reports plus records whose report never came
     * @param seconds    from the first write to the last report read
     * @param micros     latency per record (ok and error reports), microseconds
     * @param firstError the first error (a report line, an HTTP answer or an I/O error), or null
     */
    public record Outcome(long ok, long failed, double seconds, Histogram micros, String firstError) {
        public double okPerSec() {
            return seconds > 0 ? ok / seconds : 0;
        }
    }

    private final URI base;
    private final String path;
    private final byte[] record;
    private final int window;
    private final int chunk;

    /**
     * @param base   e.g. {@code http://localhost:8082}
     * @param path   e.g. {@code /v3/clusters/C/topics/T/records}
     * @param record one JSON record, sent again and again
     * @param window records in flight per stream
     * @param chunk  records per chunk (at most {@code window})
     */
    public V3StreamClient(URI base, String path, byte[] record, int window, int chunk) {
        this.base = base;
        this.path = path;
        this.record = record;
        this.window = window;
        this.chunk = Math.min(chunk, window);
    }

    /** Runs {@code streams} streams, each writing records for {@code duration}, and waits until all have ended. */
    public Outcome run(int streams, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long writeUntil = start + duration.toNanos();
        List<Stream> all = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            Stream s = new Stream(i, writeUntil);
            all.add(s);
            s.start();
        }
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long ok = 0;
        long failed = 0;
        long last = start;
        String firstError = null;
        for (Stream s : all) {
            s.join();
            ok += s.ok;
            failed += s.failed;
            last = Math.max(last, s.lastReport);
            micros.add(s.micros);
            if (firstError == null) {
                firstError = s.error;
            }
        }
        return new Outcome(ok, failed, (last - start) / 1e9, micros, firstError);
    }

    /** One request: its connection, writer and reader. */
    private final class Stream {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        final long writeUntil;
        final Semaphore inFlight = new Semaphore(window);
        final long[] sentAt;
        final int mask;
        final AtomicLong published = new AtomicLong(); // records whose send time is in sentAt
        final Thread writer;
        final Thread reader;
        volatile boolean done;
        volatile long sent = -1; // total records, once the writer has ended the body
        Socket socket;
        long ok;
        long failed;
        long lastReport;
        String error;

        Stream(int index, long writeUntil) {
            this.writeUntil = writeUntil;
            int size = Integer.highestOneBit(Math.max(1, window - 1)) << 1;
            this.sentAt = new long[size];
            this.mask = size - 1;
            this.writer = new Thread(this::write, "v3-stream-" + index + "-write");
            this.reader = new Thread(this::read, "v3-stream-" + index + "-read");
        }

        void start() throws InterruptedException {
            try {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(base.getHost(), port()), 5_000);
            } catch (IOException e) {
                fail("connect to " + base + ": " + e);
                done = true;
                return;
            }
            writer.start();
            reader.start();
        }

        void join() throws InterruptedException {
            if (writer.isAlive() || reader.isAlive()) {
                writer.join();
                reader.join();
            }
        }

        private int port() {
            return base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        }

        private synchronized void fail(String message) {
            if (error == null) {
                error = message;
            }
        }

        private void write() {
            long count = 0;
            try {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port()
                        + "\r\nContent-Type: application/json\r\nAccept: application/json"
                        + "\r\nTransfer-Encoding: chunked\r\n" + HttpWire.authorizationLine(base) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (!done && System.nanoTime() < writeUntil) {
                    if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    int n = 1;
                    int extra = Math.min(chunk - 1, inFlight.availablePermits());
                    if (extra > 0 && inFlight.tryAcquire(extra)) {
                        n += extra;
                    }
                    long now = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        sentAt[(int) ((count + i) & mask)] = now;
                    }
                    count += n;
                    published.setRelease(count);
                    out.write(Integer.toHexString(n * record.length).getBytes(StandardCharsets.US_ASCII));
                    out.write(CRLF);
                    for (int i = 0; i < n; i++) {
                        out.write(record);
                    }
                    out.write(CRLF);
                    out.flush();
                }
                out.write(new byte[] {'0', '\r', '\n', '\r', '\n'});
                out.flush();
            } catch (IOException e) {
                if (!done) {
                    fail("writing the request body: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sent = count;
            }
        }

        private void read() {
            long received = 0;
            try (Socket s = socket) {
                InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                HttpWire.Head head = HttpWire.readHead(in);
                int status = head.status;
                InputStream body = HttpWire.body(in, head);
                if (status != 200) {
                    fail("HTTP " + status + " " + new String(body.readNBytes(400), StandardCharsets.UTF_8).strip());
                    return;
                }
                // reports are split and checked as bytes: a String per report would make this client cost
                // more CPU than the service's own work on the record, on a machine they share
                byte[] buf = new byte[64 * 1024];
                int start = 0;
                int end = 0;
                while (true) {
                    int newline = indexOf(buf, start, end, (byte) '\n');
                    if (newline < 0) {
                        if (start > 0) {
                            System.arraycopy(buf, start, buf, 0, end - start);
                            end -= start;
                            start = 0;
                        } else if (end == buf.length) {
                            buf = Arrays.copyOf(buf, buf.length * 2);
                        }
                        int n = body.read(buf, end, buf.length - end);
                        if (n < 0) {
                            if (!isBlank(buf, start, end)) {
                                newline = end; // a last report without a line end
                            } else {
                                break;
                            }
                        } else {
                            end += n;
                            continue;
                        }
                    }
                    int from = start;
                    start = Math.min(end, newline + 1);
                    if (isBlank(buf, from, newline)) {
                        continue;
                    }
                    long sentTime = takeSentAt(received);
                    if (sentTime < 0) {
                        fail("more reports than records: " + new String(buf, from, newline - from, StandardCharsets.UTF_8));
                        return;
                    }
                    long now = System.nanoTime();
                    received++;
                    lastReport = now;
                    micros.recordValue(Math.max(1, (now - sentTime) / 1000));
                    inFlight.release();
                    if (errorCode(buf, from, newline) == 200) {
                        ok++;
                    } else {
                        failed++;
                        fail(new String(buf, from, newline - from, StandardCharsets.UTF_8).strip());
                    }
                    if (newline == end) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail("reading the reports: " + e);
            } finally {
                done = true;
                inFlight.release(window); // unblocks the writer, which then sees done
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (sent > received && error == null) {
                    fail("the answer ended after " + received + " of " + sent + " reports");
                }
                if (received > 0) {
                    // records written but never reported count as failed; a stream that got no report at all
                    // (e.g. an HTTP error) shows its error instead of a count
                    failed += Math.max(0, sent - received);
                }
            }
        }

        /** The send time of record {@code index}, waiting until the writer published it; -1 when it never will. */
        private long takeSentAt(long index) {
            while (published.getAcquire() <= index) {
                if (sent >= 0 && sent <= index) {
                    return -1;
                }
                Thread.onSpinWait();
            }
            return sentAt[(int) (index & mask)];
        }
    }

    private static final byte[] ERROR_CODE = "\"error_code\"".getBytes(StandardCharsets.US_ASCII);

    /** The error_code of one delivery report, or -1 when it has none. */
    static int errorCode(String report) {
        byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
        return errorCode(bytes, 0, bytes.length);
    }

    /** The error_code of the delivery report in {@code b[from, to)}, or -1 when it has none. */
    static int errorCode(byte[] b, int from, int to) {
        int i = indexOf(b, from, to, ERROR_CODE);
        if (i < 0) {
            return -1;
        }
        i = indexOf(b, i + ERROR_CODE.length, to, (byte) ':');
        if (i < 0) {
            return -1;
        }
        i++;
        while (i < to && b[i] == ' ') {
            i++;
        }
        int code = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            code = code * 10 + b[i++] - '0';
            digits++;
        }
        return digits == 0 ? -1 : code;
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i <= to - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\r' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
