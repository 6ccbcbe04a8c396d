package io.kafkarest.bench.consume;

import io.kafkarest.bench.RestAdmin;
import io.kafkarest.bench.Result;
import java.net.URI;
import java.util.Locale;

/**
 * {@code idle-memory}: how much resident memory an idle subscribed consumer instance costs consume-service. Reads
 * the service's RSS, creates N binary instances in one group subscribed to the topic (they never read), waits
 * until the RSS has not grown for {@link #STABLE_MS} (at most {@link #MAX_SETTLE_MS}), reads the RSS again and
 * deletes the instances. KB per instance = (RSS after - RSS before) / N. The JVM does not give heap back, so this
 * is an upper bound of what the instances hold, including heap the service grew into for them.
 */
final class IdleMemory {
    static final long STABLE_MS = 2_000;
    static final long MAX_SETTLE_MS = 30_000;
    private static final long POLL_MS = 250;
    /** Growth below this much is "not growing". */
    private static final long NOISE_KB = 256;

    private IdleMemory() {
    }

    static Result run(String name, RestAdmin rest, URI consumeUrl, String topic, String group, int count,
                      long givenPid) throws Exception {
        long pid = givenPid > 0 ? givenPid : ProcessMemory.findConsumeService();
        long before = ProcessMemory.rssKb(pid);
        long start = System.nanoTime();
        try (ConsumerInstances instances = new ConsumerInstances(rest, consumeUrl, group)) {
            String error = null;
            try {
                instances.create(count, topic, ConsumeBench.ADMIN_PARALLELISM);
            } catch (Exception e) {
                error = "after " + instances.size() + " instances: " + (e.getMessage() == null ? e : e.getMessage());
            }
            int created = instances.size();
            double createSeconds = (System.nanoTime() - start) / 1e9;
            if (created == 0) {
                return Result.failed(name, "direct", error);
            }
            long settleStart = System.nanoTime();
            long after = settle(pid);
            double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
            double kbPer = (after - before) / (double) created;
            String note = String.format(Locale.ROOT,
                    "%,.0f KB per instance: consume-service (pid %d) RSS %,d KB -> %,d KB with %d idle subscribed"
                            + " instances (created in %.1f s, settled in %.1f s)",
                    kbPer, pid, before, after, created, createSeconds, settleSeconds);
            return new Result(name, "direct", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, error, note);
        }
    }

    /** Polls the RSS until it has not grown for {@link #STABLE_MS}, at most {@link #MAX_SETTLE_MS}; the last RSS. */
    private static long settle(long pid) throws Exception {
        long deadline = System.currentTimeMillis() + MAX_SETTLE_MS;
        long peak = ProcessMemory.rssKb(pid);
        long grewAt = System.currentTimeMillis();
        long last = peak;
        while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - grewAt < STABLE_MS) {
            Thread.sleep(POLL_MS);
            last = ProcessMemory.rssKb(pid);
            if (last > peak + NOISE_KB) {
                peak = last;
                grewAt = System.currentTimeMillis();
            }
        }
        return last;
    }
}
