package io.kafkarest.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop client ({@link ClosedLoop}): a thread and a keep-alive HTTP/1.1 connection (a plain socket; the
 * JDK's client costs too much CPU on a machine the service shares), sending its next request as soon as the previous
 * answer is read, while its {@link Schedule} lets it - or, {@link #paced}, at a fixed rate. Only answers completed
 * when the schedule counts them count: their records and their latency, from writing the request (paced: from when
 * it was due) to reading the answer's last byte.
 */
public abstract class RequestLoop {
    /** Consecutive failed requests after which a loop gives up. */
    private static final int MAX_CONSECUTIVE_ERRORS = 10;
    /** How much of an error answer's body is kept for the message. */
    private static final int ERROR_BODY = 400;

    protected final URI target;
    final Histogram micros = new Histogram(3_600_000_000L, 3);
    private final byte[] buf = new byte[64 * 1024];
    private final Thread thread;
    /** Paced: nanoseconds from one request to the next; 0: the next as soon as the answer is read. */
    private long intervalNanos;
    private Schedule schedule;
    private CountDownLatch primed;
    private boolean hadRecords;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    long records;
    long requests;
    long failed;
    long totalRecords;
    long lastRecord;
    String error;

    /** @param target the URL the loop connects to (its host and port; subclasses build requests from its path) */
    protected RequestLoop(URI target, String threadName) {
        this.target = target;
        this.thread = new Thread(this::loop, threadName);
    }

    /**
     * One request and its answer on the open connection ({@link #send}); returns the answer's records. A failed
     * request throws.
     */
    protected abstract long exchange(InputStream in, OutputStream out) throws IOException;

    /** What an answer's body is given to, piece by piece. */
    protected interface Sink {
        void accept(byte[] b, int from, int to);
    }

    /**
     * Writes {@code request} and reads its answer: a 2xx body is given to {@code body}; any other status throws
     * {@link HttpError} with the start of its body.
     */
    protected final void send(byte[] request, InputStream in, OutputStream out, Sink body) throws IOException {
        out.write(request);
        out.flush();
        HttpWire.Head head = HttpWire.readHead(in);
        if (head.status / 100 != 2) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            readBody(in, head, (b, from, to) -> text.write(b, from,
                    Math.max(0, Math.min(to - from, ERROR_BODY - text.size()))));
            closeAfter(head);
            throw new HttpError("HTTP " + head.status + " " + text.toString(StandardCharsets.UTF_8).strip());
        }
        readBody(in, head, body);
        closeAfter(head);
    }

    /**
     * Sends {@code requestsPerSecond} requests a second instead of one after the other: each is due one interval
     * after the one before (from a random point of the first interval of a turn), and its latency counts from when it
     * was due, so a late answer delays the next request's latency too (no coordinated omission). A loop that cannot
     * keep the rate sends as fast as it can and its latencies grow.
     */
    public RequestLoop paced(double requestsPerSecond) {
        this.intervalNanos = requestsPerSecond > 0 ? Math.max(1, Math.round(1e9 / requestsPerSecond)) : 0;
        return this;
    }

    /** Paces a set of loops to {@code requestsPerSecond} together, each its share ({@link #paced}); 0: unpaced. */
    public static <T extends RequestLoop> List<T> pacedTogether(List<T> loops, double requestsPerSecond) {
        loops.forEach(loop -> loop.paced(requestsPerSecond / loops.size()));
        return loops;
    }

    protected final int port() {
        return target.getPort() > 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
    }

    void start(Schedule schedule, CountDownLatch primed) {
        this.schedule = schedule;
        this.primed = primed;
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    private void loop() {
        int consecutiveErrors = 0;
        long due = 0;
        long turn = -1;
        try {
            while (schedule.awaitTurn()) {
                long start;
                if (intervalNanos > 0) {
                    if (schedule.turn() != turn) { // a (new) turn: the rate starts afresh, not catching up the pause
                        turn = schedule.turn();
                        due = System.nanoTime() + ThreadLocalRandom.current().nextLong(intervalNanos);
                    }
                    ClosedLoop.sleepUntil(due);
                    start = due;
                    due += intervalNanos;
                } else {
                    start = System.nanoTime();
                }
                String failure;
                long n = 0;
                try {
                    connect();
                    n = exchange(in, out);
                    failure = null;
                } catch (HttpError e) {
                    failure = e.getMessage();
                } catch (IOException | RuntimeException e) {
                    failure = "requesting " + target + ": " + e;
                    close();
                }
                long now = System.nanoTime();
                boolean counted = schedule.counts(now);
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
                    if (counted) {
                        records += n;
                        requests++;
                        micros.recordValue(Math.max(1, (now - start) / 1000));
                    }
                } else {
                    if (error == null) {
                        error = failure;
                    }
                    if (counted) {
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

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(target.getHost(), port()), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private void readBody(InputStream in, HttpWire.Head head, Sink sink) throws IOException {
        InputStream body = HttpWire.body(in, head);
        for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
            sink.accept(buf, 0, n);
        }
    }

    private void closeAfter(HttpWire.Head head) {
        if (head.close) {
            close();
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

    /** A failed request whose connection stays usable (an error answer). */
    protected static class HttpError extends IOException {
        public HttpError(String message) {
            super(message);
        }
    }
}
