package io.kafkarest.bench;

/**
 * Told when a case's measured window starts and ends (after its warm-up), so a command can measure something else
 * over exactly that time, e.g. the CPU a process used ({@code bin/bench gateway}).
 */
public interface MeasuredWindow {
    /** Nothing to measure. */
    MeasuredWindow NONE = new MeasuredWindow() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    /** The measured window starts now. */
    void started();

    /** The measured window ends now. */
    void ended();
}
