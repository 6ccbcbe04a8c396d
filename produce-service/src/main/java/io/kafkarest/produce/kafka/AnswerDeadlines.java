package io.kafkarest.produce.kafka;

import io.kafkarest.produce.core.RecordResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Answers every send the producer has not answered within {@link SharedProducer#answerTimeout()}, as a retriable
 * timeout. One sweeper thread looks at the unanswered sends a few times per timeout, instead of a timer (and a
 * prepared exception) per record: at 100k records/s those cost more than the send itself. A send that Kafka answers
 * costs one queue entry, dropped at the next sweep.
 */
@Singleton
public class AnswerDeadlines {
    private static final Duration LONGEST_SWEEP_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SWEEP_PERIOD = Duration.ofMillis(10);

    private record Pending(long deadlineNanos, CompletableFuture<RecordResult> result, Integer partition) {
    }

    private final long timeoutNanos;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("produce-answer-deadlines").factory());

    public AnswerDeadlines(SharedProducer producer) {
        this(producer.answerTimeout());
    }

    AnswerDeadlines(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long periodNanos = Math.clamp(timeoutNanos / 10, SHORTEST_SWEEP_PERIOD.toNanos(),
                LONGEST_SWEEP_PERIOD.toNanos());
        sweeper.scheduleWithFixedDelay(this::sweep, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Makes sure {@code result} completes: if nothing else completes it within the timeout, it completes as failed
     * with a {@link TimeoutException} for {@code partition} (the requested one, or {@code null}).
     */
    public void watch(CompletableFuture<RecordResult> result, Integer partition) {
        if (!result.isDone()) {
            pending.add(new Pending(System.nanoTime() + timeoutNanos, result, partition));
        }
    }

    /** Drops the answered sends and answers the ones past their deadline. */
    void sweep() {
        long now = System.nanoTime();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending send = it.next();
            if (send.result().isDone()) {
                it.remove();
            } else if (now - send.deadlineNanos() >= 0) {
                it.remove();
                send.result().complete(RecordResult.failed(send.partition(), new TimeoutException("Kafka did not "
                        + "answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                        + " ms; the record may or may not be written")));
            }
        }
    }

    /** How many sends are watched (answered ones until the next sweep). */
    int watched() {
        return pending.size();
    }

    @PreDestroy
    public void close() {
        sweeper.shutdownNow();
    }
}
