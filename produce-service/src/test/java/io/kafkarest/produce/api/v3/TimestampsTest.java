package io.kafkarest.produce.api.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void formatsLikeInstantToString() {
        Timestamps timestamps = new Timestamps();
        SplittableRandom random = new SplittableRandom(7);
        long now = System.currentTimeMillis();
        for (long millis : new long[] {0, 1, 999, 1000, 1001, -1, -999, -1000, -1001, now, now - now % 1000,
                253402300799999L, 253402300800000L}) {
            assertEquals(Instant.ofEpochMilli(millis).toString(), timestamps.format(millis), "millis " + millis);
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = now + random.nextLong(-5_000, 5_000); // mostly the same few seconds, in any order
            assertEquals(Instant.ofEpochMilli(millis).toString(), timestamps.format(millis), "millis " + millis);
        }
    }
}
