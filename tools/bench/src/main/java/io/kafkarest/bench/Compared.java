package io.kafkarest.bench;

/**
 * A workload run straight to its service and through the gateway ({@link ClosedLoop#runInTurns}).
 *
 * @param direct                the direct row
 * @param gateway               the gateway row
 * @param directRequestsPerSec  the direct row's answers per second (what a paced rerun at equal load is based on);
 *                              NaN when it did not run
 */
public record Compared(Result direct, Result gateway, double directRequestsPerSec) {
    /** Both rows failed with {@code error}. */
    public static Compared failed(String name, String error) {
        return new Compared(Result.failed(name, BenchOptions.DIRECT, error),
                Result.failed(name, BenchOptions.GATEWAY, error), Double.NaN);
    }
}
