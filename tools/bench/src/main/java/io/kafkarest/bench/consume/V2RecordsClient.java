package io.kafkarest.bench.consume;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
import java.util.Locale;
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
            Response head = readHead(in);
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

        private void readBody(InputStream in, Response head, Sink sink) throws IOException {
            if (head.chunked) {
                while (true) {
                    String sizeLine = line(in);
                    int semicolon = sizeLine.indexOf(';');
                    long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                    if (size == 0) {
                        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                            // trailers are ignored
                        }
                        return;
                    }
                    copy(in, size, sink);
                    line(in); // the CRLF after the chunk
                }
            } else if (head.length >= 0) {
                copy(in, head.length, sink);
            } else {
                // no length: the body ends with the connection
                head.close = true;
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    sink.accept(buf, 0, n);
                }
            }
        }

        private void copy(InputStream in, long length, Sink sink) throws IOException {
            long remaining = length;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    throw new EOFException("connection closed inside the answer");
                }
                sink.accept(buf, 0, n);
                remaining -= n;
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

    /** The status line and the headers that matter. */
    static final class Response {
        int status;
        long length = -1;
        boolean chunked;
        boolean close;
    }

    static Response readHead(InputStream in) throws IOException {
        Response r = new Response();
        do {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            r.status = Integer.parseInt(parts[1]);
            r.close = parts[0].equals("HTTP/1.0");
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    r.chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    r.length = Long.parseLong(h.substring(h.indexOf(':') + 1).trim());
                } else if (lower.startsWith("connection:")) {
                    r.close = lower.contains("close");
                }
            }
        } while (r.status >= 100 && r.status < 200);
        return r;
    }

    /** One CRLF-terminated line, without the line end. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in the answer's head");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
