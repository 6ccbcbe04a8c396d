package io.kafkarest.bench;

/** When a {@link RequestLoop} sends its requests and which of its answers count ({@link ClosedLoop}). */
public interface Schedule {
    /** Waits until the loop may send its next request; false when the run is over. */
    boolean awaitTurn() throws InterruptedException;

    /** Whether the answer (or failure) of the request sent after {@link #awaitTurn()}, complete now, counts. */
    boolean counts(long nowNs);

    /** That request is over. */
    void requestDone();

    /** Which turn the loop is in, read after {@link #awaitTurn()}: a new value after a pause. */
    default long turn() {
        return 0;
    }

    /** {@link ClosedLoop#run}: every loop runs all the time; answers complete inside [start, end) count. */
    final class Window implements Schedule {
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

    /** {@link ClosedLoop#runInTurns}: the loops of one set run while their turn is open. */
    final class Turns implements Schedule {
        private boolean open;
        private boolean measuring;
        private boolean over;
        private int inFlight;
        private long openedNs;
        private long turns;
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

        @Override
        public synchronized long turn() {
            return turns;
        }

        synchronized void open(boolean measured) {
            turns++;
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

        /** How long the set has run in measured turns, or in unmeasured ones (priming not included). */
        synchronized long readNanos(boolean measured) {
            return measured ? measuredNanos : warmupNanos;
        }
    }
}
