package io.kafkarest.bench;

/**
 * One row of a result table.
 *
 * @param caseName      e.g. {@code v2-binary x10}
 * @param path          {@code kafka} (native client), {@code direct} or {@code gateway}
 * @param recordsPerSec records acknowledged without error per second of the measured period
 * @param mbPerSec      records/s times the record value size, in 10^6 bytes per second
 * @param p50Ms         median latency in ms (per request, per send or per streamed record: see docs/benchmarks.md)
 * @param p99Ms         99th percentile latency in ms
 * @param failed        records (or requests) that failed during the measured period
 * @param error         why the case failed or what went wrong (the first error seen); null when all went well
 * @param note          more about the row that is not an error (e.g. records per response); null when none
 */
public record Result(String caseName, String path, double recordsPerSec, double mbPerSec, double p50Ms, double p99Ms,
                     long failed, String error, String note) {

    public Result(String caseName, String path, double recordsPerSec, double mbPerSec, double p50Ms, double p99Ms,
                  long failed, String error) {
        this(caseName, path, recordsPerSec, mbPerSec, p50Ms, p99Ms, failed, error, null);
    }

    /** This row with a note (shown in the notes column after any error). */
    public Result withNote(String text) {
        return new Result(caseName, path, recordsPerSec, mbPerSec, p50Ms, p99Ms, failed, error, text);
    }

    /** A row for a case that could not run at all. */
    public static Result failed(String caseName, String path, String error) {
        return new Result(caseName, path, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, error);
    }

    public static Result of(String caseName, String path, double recordsPerSec, int recordSize, double p50Ms,
                            double p99Ms, long failed, String error) {
        return new Result(caseName, path, recordsPerSec, recordsPerSec * recordSize / 1e6, p50Ms, p99Ms, failed,
                error);
    }

    public boolean ran() {
        return !Double.isNaN(recordsPerSec);
    }

    /** Counts as failed for the exit code: did not run, or saw errors. */
    public boolean hasError() {
        return error != null || failed > 0;
    }
}
