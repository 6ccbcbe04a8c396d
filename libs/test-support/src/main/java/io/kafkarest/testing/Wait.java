package io.kafkarest.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waiting on a condition with a deadline, instead of sleeping: the one way tests wait (Awaitility underneath). The
 * condition is polled in the calling thread (so it may use a Kafka consumer or thread-bound state), first at once,
 * then after 10 ms, less often up to every 100 ms; exceptions it throws count as "not yet". At the deadline it fails
 * with an {@link AssertionError} that names what was awaited and carries the condition's last failure as its cause.
 */
public final class Wait {
    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(100);

    private Wait() {
    }

    /** Waits until the condition is true. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        untilPassing(timeout, what, () -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("not yet");
            }
        });
    }

    /** Runs the check until it passes: returns without throwing (an assertion error or any exception). */
    public static void untilPassing(Duration timeout, String what, Check check) {
        forValue(timeout, what, () -> {
            check.run();
            return true;
        }, passed -> passed);
    }

    /** Calls {@code supplier} until its value satisfies {@code condition}; answers that value. */
    public static <T> T forValue(Duration timeout, String what, Callable<T> supplier, Predicate<? super T> condition) {
        AtomicReference<Throwable> last = new AtomicReference<>();
        AtomicReference<T> value = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(new IterativePollInterval(
                            previous -> previous.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL
                                    : previous.multipliedBy(2), FIRST_POLL))
                    .until(() -> {
                        try {
                            T current = supplier.call();
                            if (condition.test(current)) {
                                value.set(current);
                                return true;
                            }
                            last.set(new AssertionError("not yet: " + current));
                        } catch (AssertionError | Exception e) {
                            last.set(e);
                        }
                        return false;
                    });
            return value.get();
        } catch (ConditionTimeoutException e) {
            AssertionError failure = new AssertionError("Timed out after " + timeout + " waiting for: " + what,
                    last.get());
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /** A check that fails by throwing (an assertion or any exception). */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }
}
