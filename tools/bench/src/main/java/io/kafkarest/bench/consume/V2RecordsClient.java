package io.kafkarest.bench.consume;

import io.kafkarest.bench.HttpWire;
import io.kafkarest.bench.ClosedLoop;
import io.kafkarest.bench.MeasuredWindow;
import io.kafkarest.bench.RequestLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The v2 read loop: per consumer instance one {@link RequestLoop} (a thread and a keep-alive connection), sending
 * {@code GET <base_uri>/records?timeout=..&max_bytes=..} with {@code Accept: application/vnd.kafka.binary.v2+json}
 * again as soon as the previous answer is read, until the end of the run. Records are counted as the answer's bytes
 * arrive ({@link RecordCounter}), never parsed.
 *
 * <p>The run is a priming phase (until every instance had records once), one warm-up, then the measured window
 * ({@link ClosedLoop}).
 */
final class V2RecordsClient {
    static final String ACCEPT = "application/vnd.kafka.binary.v2+json";

    private final String query;

    /**
     * @param timeout  the {@code timeout} parameter of every request
     * @param maxBytes the {@code max_bytes} parameter of every request
     */
    V2RecordsClient(Duration timeout, int maxBytes) {
        this.query = "/records?timeout=" + timeout.toMillis() + "&max_bytes=" + maxBytes;
    }

    /**
     * Reads with one loop per base URI until each instance has had records once (joining the group and the
     * first fetch are not reading; at most 30 s), then {@code warmup} unmeasured, then {@code duration} measured.
     */
    ClosedLoop.Outcome run(List<URI> instances, Duration warmup, Duration duration) throws InterruptedException {
        return run(instances, warmup, duration, MeasuredWindow.NONE);
    }

    /** As {@link #run(List, Duration, Duration)}; {@code window} is told when the measured window starts and ends. */
    ClosedLoop.Outcome run(List<URI> instances, Duration warmup, Duration duration, MeasuredWindow window)
            throws InterruptedException {
        return ClosedLoop.run(readers(instances, 0), warmup, duration, window);
    }

    /**
     * Two sets of instances (say, straight to consume-service and through the gateway) read in turns
     * ({@link ClosedLoop#runInTurns}); {@code pace} requests per second for each set, spread over its instances
     * ({@link RequestLoop#paced}), or 0 for as fast as they answer.
     */
    ClosedLoop.Outcome[] runInTurns(List<URI> first, List<URI> second, Duration warmup, Duration duration,
                                    Duration turn, MeasuredWindow secondWindow, double pace)
            throws InterruptedException {
        return ClosedLoop.runInTurns(readers(first, pace), readers(second, pace), warmup, duration, turn,
                secondWindow);
    }

    private List<Reader> readers(List<URI> instances, double pace) {
        return RequestLoop.pacedTogether(instances.stream().map(Reader::new).toList(), pace);
    }

    /** One instance's loop. */
    private final class Reader extends RequestLoop {
        private final RecordCounter counter = new RecordCounter();
        private final byte[] request;

        Reader(URI base) {
            super(base, "v2-records-" + base.getPath());
            String path = (base.getRawPath() == null ? "" : base.getRawPath()) + query;
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port()
                    + "\r\nAccept: " + ACCEPT + "\r\n" + HttpWire.authorizationLine(base) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        protected long exchange(InputStream in, OutputStream out) throws IOException {
            counter.reset();
            send(request, in, out, counter::feed);
            return counter.count();
        }
    }
}
