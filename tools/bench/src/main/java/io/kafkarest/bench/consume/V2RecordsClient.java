package io.kafkarest.bench.consume;

import io.kafkarest.bench.HttpWire;
import io.kafkarest.bench.MeasuredWindow;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The v2 read loop: per consumer instance one thread and one keep-alive HTTP/1.1 connection (plain sockets),
 * sending {@code GET <base_uri>/records?timeout=..&max_bytes=..} with
 * {@code Accept: application/vnd.kafka.binary.v2+json} again as soon as the previous answer is read, until the end
 * of the run. Records are counted as the answer's bytes arrive ({@link RecordCounter}), never parsed.
 *
 * <p>The run is a priming phase (until every instance had records once), one warm-up, then the measured window: only answers completed inside the window count (their
 * records and their latency, from writing the request to reading the answer's last byte).
 */
final class V2RecordsClient {
    static final String ACCEPT = "application/vnd.kafka.binary.v2+json";
    /** Consecutive failed requests after which an instance gives up. */
    private static final int MAX_CONSECUTIVE_ERRORS = 10;

    /**
     * What all instances together saw.
     *
     * @param records       records in answers completed inside the measured window
     * @param requests      answers (200) completed inside the window
     * @param failed        failed requests (non-200 answers, I/O errors) inside the window
     * @param seconds       length of the measured window
     * @param totalRecords  records received over the whole run, warm-up included
     * @param lastRecordNs  System.nanoTime() of the last answer that had records
     * @param windowStartNs System.nanoTime() the window started at
     * @param micros        latency per request in the window, microseconds
     * @param firstError    the first error seen, or null
     */
    record Outcome(long records, long requests, long failed, double seconds, long totalRecords, long lastRecordNs,
                   long windowStartNs, Histogram micros, String firstError) {
    }

    private final String query;

    /**
     * @param timeout  the {@code timeout} parameter of every request
     * @param maxBytes the {@code max_bytes} parameter of every request
     */
    V2RecordsClient(Duration timeout, int maxBytes) {
        this.query = "/records?timeout=" + timeout.toMillis() + "&max_bytes=" + maxBytes;
    }

    /**
     * Reads with one thread per base URI until each instance has had records once (joining the group and the
     * first fetch are not reading; at most 30 s), then {@code warmup} unmeasured, then {@code duration} measured.
     */
    Outcome run(List<URI> instances, Duration warmup, Duration duration) throws InterruptedException {
        return run(instances, warmup, duration, MeasuredWindow.NONE);
    }

    /** As {@link #run(List, Duration, Duration)}; {@code window} is told when the measured window starts and ends. */
    Outcome run(List<URI> instances, Duration warmup, Duration duration, MeasuredWindow window)
            throws InterruptedException {
        CountDownLatch primed = new CountDownLatch(instances.size());
        List<Reader> readers = new ArrayList<>();
        for (URI base : instances) {
            Reader r = new Reader(base, primed);
            readers.add(r);
            r.thread.start();
        }
        primed.await(30, TimeUnit.SECONDS);
        long windowStart = System.nanoTime() + warmup.toNanos();
        for (Reader r : readers) {
            r.windowStart = windowStart;
            r.end = windowStart + duration.toNanos();
        }
        sleepUntil(windowStart);
        window.started();
        sleepUntil(windowStart + duration.toNanos());
        window.ended();
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long records = 0;
        long requests = 0;
        long failed = 0;
        long total = 0;
        long last = 0;
        String firstError = null;
        for (Reader r : readers) {
            r.thread.join();
            records += r.records;
            requests += r.requests;
            failed += r.failed;
            total += r.totalRecords;
            last = Math.max(last, r.lastRecord);
            micros.add(r.micros);
            if (firstError == null) {
                firstError = r.error;
            }
        }
        return new Outcome(records, requests, failed, duration.toNanos() / 1e9, total, last, windowStart, micros,
                firstError);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One instance's loop. */
    private final class Reader {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        final RecordCounter counter = new RecordCounter();
        final byte[] buf = new byte[64 * 1024];
        final URI base;
        final CountDownLatch primed;
        final Thread thread;
        volatile long windowStart = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        boolean hadRecords;
        final byte[] request;
        Socket socket;
        InputStream in;
        OutputStream out;
        long records;
        long requests;
        long failed;
        long totalRecords;
        long lastRecord;
        String error;

        Reader(URI base, CountDownLatch primed) {
            this.base = base;
            this.primed = primed;
            String path = (base.getRawPath() == null ? "" : base.getRawPath()) + query;
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port()
                    + "\r\nAccept: " + ACCEPT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            this.thread = new Thread(this::loop, "v2-records-" + base.getPath());
        }

        private int port() {
            return base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        }

        private void loop() {
            int consecutiveErrors = 0;
            try {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    String failure;
                    long n = 0;
                    try {
                        n = exchange();
                        failure = null;
                    } catch (HttpError e) {
                        failure = e.getMessage();
                    } catch (IOException | RuntimeException e) {
                        failure = "reading " + base + ": " + e;
                        close();
                    }
                    long now = System.nanoTime();
                    boolean inWindow = now >= windowStart && now < end;
                    if (failure == null) {
                        consecutiveErrors = 0;
                        totalRecords += n;
                        if (n > 0) {
                            lastRecord = now;
                            if (!hadRecords) {
                                hadRecords = true;
                                primed.countDown();
                            }
                        }
                        if (inWindow) {
                            records += n;
                            requests++;
                            micros.recordValue(Math.max(1, (now - start) / 1000));
                        }
                    } else {
                        if (error == null) {
                            error = failure;
                        }
                        if (inWindow) {
                            failed++;
                        }
                        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                            if (!hadRecords) {
                                primed.countDown(); // the run need not wait for this one
                            }
                            return;
                        }
                        Thread.sleep(100);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        /** One request and its answer; returns the answer's records. */
        private long exchange() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                socket.connect(new InetSocketAddress(base.getHost(), port()), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            HttpWire.Head head = HttpWire.readHead(in);
            counter.reset();
            if (head.status != 200) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                readBody(in, head, (b, from, to) -> body.write(b, from, Math.max(0, Math.min(to - from, 400 - body.size()))));
                if (head.close) {
                    close();
                }
                throw new HttpError("HTTP " + head.status + " " + body.toString(StandardCharsets.UTF_8).strip());
            }
            readBody(in, head, counter::feed);
            if (head.close) {
                close();
            }
            return counter.count();
        }

        private void readBody(InputStream in, HttpWire.Head head, Sink sink) throws IOException {
            InputStream body = HttpWire.body(in, head);
            for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
                sink.accept(buf, 0, n);
            }
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    private interface Sink {
        void accept(byte[] b, int from, int to);
    }

    /** A non-200 answer: counted as failed, the connection stays usable. */
    private static final class HttpError extends IOException {
        HttpError(String message) {
            super(message);
        }
    }
}
