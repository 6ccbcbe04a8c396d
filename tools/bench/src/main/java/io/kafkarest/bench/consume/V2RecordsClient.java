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
        FixedWindow schedule = new FixedWindow();
        List<Reader> readers = start(instances, schedule, primed);
        primed.await(30, TimeUnit.SECONDS);
        long windowStart = System.nanoTime() + warmup.toNanos();
        schedule.start = windowStart;
        schedule.end = windowStart + duration.toNanos();
        sleepUntil(windowStart);
        window.started();
        sleepUntil(windowStart + duration.toNanos());
        window.ended();
        return collect(readers, duration.toNanos() / 1e9, windowStart);
    }

    /**
     * Two sets of instances (say, straight to consume-service and through the gateway) take turns: first both read
     * until each instance has had records once (at most 30 s); then one set reads for a {@code turn} while the
     * other waits, then the other, and so on - {@code warmup} of unmeasured turns, then measured turns until each
     * set has read for {@code duration}. A turn ends when its time is up and its requests in flight are answered
     * (an answer that completes after the turn's time does not count); the next turn starts only then, so the two
     * sets never read at the same time. Both sets thus see the same machine, whatever it does over the run (the
     * rate of one set alone moved by half between runs a minute apart on two shared cores).
     *
     * @param secondWindow told when each of the second set's measured turns starts and ends
     * @return the outcomes of the first set and of the second; {@link Outcome#seconds()} is the set's measured time
     */
    Outcome[] runInTurns(List<URI> first, List<URI> second, Duration warmup, Duration duration, Duration turn,
                         MeasuredWindow secondWindow) throws InterruptedException {
        CountDownLatch primed = new CountDownLatch(first.size() + second.size());
        Turns a = new Turns();
        Turns b = new Turns();
        List<Reader> readersA = start(first, a, primed);
        List<Reader> readersB = start(second, b, primed);
        try {
            a.open(false);
            b.open(false);
            primed.await(30, TimeUnit.SECONDS);
            a.close();
            b.close();
            a.primed();
            b.primed();
            takeTurns(a, b, false, warmup.toNanos(), turn.toNanos(), MeasuredWindow.NONE);
            long measuredStart = System.nanoTime();
            takeTurns(a, b, true, duration.toNanos(), turn.toNanos(), secondWindow);
            a.end();
            b.end();
            return new Outcome[] {collect(readersA, a.readNanos(true) / 1e9, measuredStart),
                                  collect(readersB, b.readNanos(true) / 1e9, measuredStart)};
        } finally {
            a.end();
            b.end();
        }
    }

    /**
     * Turns of at most {@code turn} nanoseconds, the first set's and the second's by turns (starting with the first),
     * until each set has read for {@code want} nanoseconds in this phase.
     */
    private static void takeTurns(Turns a, Turns b, boolean measured, long want, long turn, MeasuredWindow secondWindow)
            throws InterruptedException {
        for (boolean firstsTurn = true; a.readNanos(measured) < want || b.readNanos(measured) < want;
             firstsTurn = !firstsTurn) {
            Turns t = firstsTurn ? a : b;
            if (t.readNanos(measured) >= want) {
                continue;
            }
            MeasuredWindow w = firstsTurn ? MeasuredWindow.NONE : secondWindow;
            w.started();
            t.open(measured);
            sleepUntil(System.nanoTime() + Math.min(turn, want - t.readNanos(measured)));
            t.close();
            w.ended();
        }
    }

    private List<Reader> start(List<URI> instances, Schedule schedule, CountDownLatch primed) {
        List<Reader> readers = new ArrayList<>();
        for (URI base : instances) {
            Reader r = new Reader(base, schedule, primed);
            readers.add(r);
            r.thread.start();
        }
        return readers;
    }

    /** Waits for the readers to stop and adds up what they saw. */
    private static Outcome collect(List<Reader> readers, double seconds, long windowStart) throws InterruptedException {
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
        return new Outcome(records, requests, failed, seconds, total, last, windowStart, micros, firstError);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** When a reader sends its requests and which of its answers count. */
    private interface Schedule {
        /** Waits until the reader may send its next request; false when the run is over. */
        boolean awaitTurn() throws InterruptedException;

        /** Whether the answer (or failure) of the request sent after {@link #awaitTurn()}, complete now, counts. */
        boolean counts(long nowNs);

        /** That request is over. */
        void requestDone();
    }

    /** {@link #run}: every reader reads all the time; answers complete inside [start, end) count. */
    private static final class FixedWindow implements Schedule {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;

        @Override
        public boolean awaitTurn() {
            return System.nanoTime() < end;
        }

        @Override
        public boolean counts(long nowNs) {
            return nowNs >= start && nowNs < end;
        }

        @Override
        public void requestDone() {
        }
    }

    /** {@link #runInTurns}: the readers of one set read while their turn is open. */
    static final class Turns implements Schedule {
        private boolean open;
        private boolean measuring;
        private boolean over;
        private int inFlight;
        private long openedNs;
        private long warmupNanos;
        private long measuredNanos;

        @Override
        public synchronized boolean awaitTurn() throws InterruptedException {
            while (!open && !over) {
                wait();
            }
            if (over) {
                return false;
            }
            inFlight++;
            return true;
        }

        @Override
        public synchronized boolean counts(long nowNs) {
            return open && measuring;
        }

        @Override
        public synchronized void requestDone() {
            inFlight--;
            notifyAll();
        }

        synchronized void open(boolean measured) {
            open = true;
            measuring = measured;
            openedNs = System.nanoTime();
            notifyAll();
        }

        /** Ends the turn: no more requests are sent; returns once those in flight are answered. */
        synchronized void close() throws InterruptedException {
            long turn = System.nanoTime() - openedNs;
            if (measuring) {
                measuredNanos += turn;
            } else {
                warmupNanos += turn;
            }
            open = false;
            measuring = false;
            while (inFlight > 0) {
                wait();
            }
        }

        synchronized void end() {
            over = true;
            open = false;
            notifyAll();
        }

        /** The priming is over: it does not count as warm-up. */
        synchronized void primed() {
            warmupNanos = 0;
        }

        /** How long the set has read in measured turns, or in unmeasured ones (priming not included). */
        synchronized long readNanos(boolean measured) {
            return measured ? measuredNanos : warmupNanos;
        }
    }

    /** One instance's loop. */
    private final class Reader {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        final RecordCounter counter = new RecordCounter();
        final byte[] buf = new byte[64 * 1024];
        final URI base;
        final Schedule schedule;
        final CountDownLatch primed;
        final Thread thread;
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

        Reader(URI base, Schedule schedule, CountDownLatch primed) {
            this.base = base;
            this.schedule = schedule;
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
                while (schedule.awaitTurn()) {
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
                    boolean inWindow = schedule.counts(now);
                    schedule.requestDone();
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
