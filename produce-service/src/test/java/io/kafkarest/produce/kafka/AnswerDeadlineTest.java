package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.core.ProduceRecord;
import io.kafkarest.produce.core.RecordResult;
import io.kafkarest.produce.core.TopicMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A producer that never answers (as an idempotent producer waiting for a producer id from a broker that is down):
 * every record is still answered, as a retriable timeout, after the shared producer's answer deadline.
 */
class AnswerDeadlineTest {

    @Test
    void aRecordWithoutAnswerFailsAsTimedOutAtTheDeadline() throws Exception {
        MockProducer<byte[], byte[]> silent =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        SharedProducer shared = new SharedProducer(() -> silent, Duration.ofMillis(300));
        TopicMetadata oneTopic = new TopicMetadata() {
            @Override
            public OptionalInt partitionCount(String topic) {
                return OptionalInt.of(1);
            }

            @Override
            public String clusterId() {
                return "c";
            }

            @Override
            public OptionalInt refreshPartitionCount(String topic) {
                return OptionalInt.of(1);
            }
        };
        KafkaProduceManager manager = new KafkaProduceManager(shared, oneTopic, ForkJoinPool.commonPool(),
                new AnswerDeadlines(shared));

        long start = System.nanoTime();
        List<RecordResult> results = manager.produce("t", List.of(new ProduceRecord(null, null, new byte[] {1})))
                .get(10, TimeUnit.SECONDS);

        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs >= 250 && tookMs < 5_000, "answered at the deadline, took " + tookMs + " ms");
        assertEquals(1, results.size());
        assertInstanceOf(TimeoutException.class, results.get(0).failure());
        assertTrue(results.get(0).failure().getMessage().contains("may or may not be written"));
    }

    @Test
    void answeredSendsAreDroppedAtTheNextSweepAndNotAnsweredAgain() {
        AnswerDeadlines deadlines = new AnswerDeadlines(Duration.ofHours(1));
        try {
            List<CompletableFuture<RecordResult>> sends = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                CompletableFuture<RecordResult> send = new CompletableFuture<>();
                deadlines.watch(send, null);
                sends.add(send);
            }
            assertEquals(1000, deadlines.watched());
            RecordResult written = RecordResult.written(0, 7, 1L);
            sends.subList(0, 999).forEach(send -> send.complete(written));

            deadlines.sweep();

            assertEquals(1, deadlines.watched(), "only the unanswered send is still watched");
            assertFalse(sends.get(999).isDone(), "its deadline is an hour away");
            assertSame(written, sends.get(0).join());
        } finally {
            deadlines.close();
        }
    }
}
