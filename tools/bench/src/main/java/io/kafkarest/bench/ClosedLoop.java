package io.kafkarest.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load ({@link RequestLoop}s: one thread and one keep-alive connection each, the next request sent as
 * soon as the answer is read), run for a fixed window or by two sets in turns.
 */
public final class ClosedLoop {
    /** How long a run waits for every loop to have had records once (joining a group, a first fetch, a new topic). */
    private static final Duration PRIMING = Duration.ofSeconds(30);

    private ClosedLoop() {
    }

    /**
     * What a set of loops saw.
     *
     * @param records       records in answers completed inside the measured window
     * @param requests      answers (2xx) completed inside the window
     * @param failed        failed requests (error answers, I/O errors) inside the window
     * @param seconds       length of the measured window (in turns: of the set's measured turns)
     * @param totalRecords  records over the whole run, warm-up included
     * @param lastRecordNs  System.nanoTime() of the last answer that had records
     * @param windowStartNs System.nanoTime() the window (or the first measured turn) started at
     * @param micros        latency per request in the window, microseconds
     * @param firstError    the first error seen, or null
     */
    public record Outcome(long records, long requests, long failed, double seconds, long totalRecords,
                          long lastRecordNs, long windowStartNs, Histogram micros, String firstError) {
        public double p50Ms() {
            return micros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Ms() {
            return micros.getValueAtPercentile(99) / 1000.0;
        }

        /** Answers per second of the measured window. */
        public double requestsPerSec() {
            return seconds > 0 ? requests / seconds : Double.NaN;
        }
    }

    /**
     * Runs the loops until each has had records once (at most 30 s), then {@code warmup} unmeasured, then
     * {@code duration} measured; {@code window} is told when the measured window starts and ends.
     */
    public static Outcome run(List<? extends RequestLoop> loops, Duration warmup, Duration duration,
                              MeasuredWindow window) throws InterruptedException {
        CountDownLatch primed = new CountDownLatch(loops.size());
        Schedule.Window schedule = new Schedule.Window();
        loops.forEach(loop -> loop.start(schedule, primed));
        primed.await(PRIMING.toMillis(), TimeUnit.MILLISECONDS);
        long windowStart = System.nanoTime() + warmup.toNanos();
        schedule.start = windowStart;
        schedule.end = windowStart + duration.toNanos();
        sleepUntil(windowStart);
        window.started();
        sleepUntil(windowStart + duration.toNanos());
        window.ended();
        return collect(loops, duration.toNanos() / 1e9, windowStart);
    }

    /**
     * Two sets of loops (say, straight to a service and through the gateway) take turns: first both run until each
     * loop has had records once (at most 30 s); then one set runs for a {@code turn} while the other waits, then the
     * other, and so on - {@code warmup} of unmeasured turns, then measured turns until each set has run for
     * {@code duration}. A turn ends when its time is up and its requests in flight are answered (an answer that
     * completes after the turn's time does not count); the next turn starts only then, so the two sets never run at
     * the same time. Both sets thus see the same machine, whatever it does over the run (the rate of one set alone
     * moved by half between runs a minute apart on two shared cores).
     *
     * @param secondWindow told when each of the second set's measured turns starts and ends
     * @return the outcomes of the first set and of the second; {@link Outcome#seconds()} is the set's measured time
     */
    public static Outcome[] runInTurns(List<? extends RequestLoop> first, List<? extends RequestLoop> second,
                                       Duration warmup, Duration duration, Duration turn, MeasuredWindow secondWindow)
            throws InterruptedException {
        CountDownLatch primed = new CountDownLatch(first.size() + second.size());
        Schedule.Turns a = new Schedule.Turns();
        Schedule.Turns b = new Schedule.Turns();
        first.forEach(loop -> loop.start(a, primed));
        second.forEach(loop -> loop.start(b, primed));
        try {
            a.open(false);
            b.open(false);
            primed.await(PRIMING.toMillis(), TimeUnit.MILLISECONDS);
            a.close();
            b.close();
            a.primed();
            b.primed();
            takeTurns(a, b, false, warmup.toNanos(), turn.toNanos(), MeasuredWindow.NONE);
            long measuredStart = System.nanoTime();
            takeTurns(a, b, true, duration.toNanos(), turn.toNanos(), secondWindow);
            a.end();
            b.end();
            return new Outcome[] {collect(first, a.readNanos(true) / 1e9, measuredStart),
                                  collect(second, b.readNanos(true) / 1e9, measuredStart)};
        } finally {
            a.end();
            b.end();
        }
    }

    /**
     * Turns of at most {@code turn} nanoseconds, the first set's and the second's by turns (starting with the first),
     * until each set has run for {@code want} nanoseconds in this phase.
     */
    private static void takeTurns(Schedule.Turns a, Schedule.Turns b, boolean measured, long want, long turn,
                                  MeasuredWindow secondWindow) throws InterruptedException {
        for (boolean firstsTurn = true; a.readNanos(measured) < want || b.readNanos(measured) < want;
             firstsTurn = !firstsTurn) {
            Schedule.Turns t = firstsTurn ? a : b;
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

    /** Waits for the loops to stop and adds up what they saw. */
    private static Outcome collect(List<? extends RequestLoop> loops, double seconds, long windowStart)
            throws InterruptedException {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long records = 0;
        long requests = 0;
        long failed = 0;
        long total = 0;
        long last = 0;
        String firstError = null;
        for (RequestLoop r : loops) {
            r.join();
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

    static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
