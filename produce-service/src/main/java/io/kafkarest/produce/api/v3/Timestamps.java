package io.kafkarest.produce.api.v3;

import java.time.Instant;

/**
 * Formats record timestamps (epoch millis) exactly as {@link Instant#toString()} does, e.g.
 * {@code 2026-12-01T20:41:03.120Z}, reusing the date and time of the last second it formatted: a stream's records
 * mostly share their second, and {@code DateTimeFormatter} costs more than the rest of a delivery report.
 */
final class Timestamps {
    private record Second(long epochSecond, String dateTime) {
    }

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    String format(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString(); // ends with Z
            second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
            last = second;
        }
        if (millis == 0) {
            return second.dateTime() + 'Z';
        }
        return second.dateTime() + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                + (char) ('0' + millis % 10) + 'Z';
    }
}
