package io.kafkarest.bench.consume;

import java.nio.charset.StandardCharsets;

/**
 * Counts the records of a v2 {@code GET .../records} answer as its bytes arrive, without parsing JSON: one record
 * per {@code "offset":} key. Inside a JSON string a quote is always escaped ({@code \"}), so the pattern can only
 * match a real key; base64 keys and values hold no quotes at all. The state carries across buffers, so a key split
 * between two reads is still counted once. Call {@link #reset()} before each answer.
 *
 * <p>Why not parse: on a shared 2-core machine a String or JSON tree per record would make the client cost as much
 * CPU as the service it measures.
 */
final class RecordCounter {
    private static final byte[] PATTERN = "\"offset\":".getBytes(StandardCharsets.US_ASCII);
    /** KMP failure function of {@link #PATTERN}: matched length after a mismatch, before retrying the byte. */
    private static final int[] FALLBACK = fallback(PATTERN);

    private int matched;
    private long count;

    /** Feeds {@code b[from, to)}; returns the records counted so far in this answer. */
    long feed(byte[] b, int from, int to) {
        int m = matched;
        long n = count;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            while (m > 0 && PATTERN[m] != c) {
                m = FALLBACK[m - 1];
            }
            if (PATTERN[m] == c) {
                m++;
                if (m == PATTERN.length) {
                    n++;
                    m = FALLBACK[m - 1];
                }
            }
        }
        matched = m;
        count = n;
        return n;
    }

    long count() {
        return count;
    }

    void reset() {
        matched = 0;
        count = 0;
    }

    /** Counts the records of a whole answer. */
    static long count(byte[] body) {
        RecordCounter c = new RecordCounter();
        return c.feed(body, 0, body.length);
    }

    private static int[] fallback(byte[] p) {
        int[] f = new int[p.length];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
