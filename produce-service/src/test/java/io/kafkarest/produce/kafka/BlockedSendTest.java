package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.core.ProduceRecord;
import io.kafkarest.produce.core.RecordResult;
import io.kafkarest.produce.core.TopicMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * When every broker is gone the producer forgets the topic's metadata and each send blocks for max.block.ms before
 * it fails: a request stops trying after the first such send instead of blocking once per record.
 */
class BlockedSendTest {

    @Test
    void aSendThatBlockedAndGaveUpFailsTheRestOfTheRequestWithoutTrying() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        TimeoutException noMetadata = new TimeoutException("Topic t not present in metadata after 300 ms.");
        MockProducer<byte[], byte[]> blocking =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record,
                                                                    Callback callback) {
                        sends.incrementAndGet();
                        try {
                            Thread.sleep(300); // max.block.ms
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        callback.onCompletion(null, noMetadata); // as KafkaProducer does for an ApiException
                        return new java.util.concurrent.CompletableFuture<>();
                    }
                };
        SharedProducer shared = new SharedProducer(() -> blocking, Duration.ofSeconds(30));
        KafkaProduceManager manager = new KafkaProduceManager(shared, oneTopic(), ForkJoinPool.commonPool(),
                new AnswerDeadlines(shared));
        List<ProduceRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new ProduceRecord(null, null, new byte[] {(byte) i}));
        }

        long start = System.nanoTime();
        List<RecordResult> results = manager.produce("t", records).get(10, TimeUnit.SECONDS);

        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(1, sends.get(), "one send blocked; the others were not tried");
        assertTrue(tookMs < 2_000, "answered after one max.block.ms, took " + tookMs + " ms");
        assertEquals(20, results.size());
        results.forEach(result -> assertSame(noMetadata, result.failure()));
    }

    @Test
    void recordsProducedEachOnTheirOwnStopTryingAfterASendThatBlocked() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        TimeoutException noMetadata = new TimeoutException("Topic t not present in metadata after 300 ms.");
        MockProducer<byte[], byte[]> blocking =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record,
                                                                    Callback callback) {
                        if (sends.incrementAndGet() == 1) { // the first is written, then every broker is gone
                            return super.send(record, callback);
                        }
                        callback.onCompletion(null, noMetadata);
                        return new java.util.concurrent.CompletableFuture<>();
                    }
                };
        SharedProducer shared = new SharedProducer(() -> blocking, Duration.ofSeconds(30));
        KafkaProduceManager manager = new KafkaProduceManager(shared, oneTopic(), ForkJoinPool.commonPool(),
                new AnswerDeadlines(shared));

        List<java.util.concurrent.CompletableFuture<RecordResult>> results = manager.produceEach("t", List.of(
                new ProduceRecord(null, null, new byte[] {1}), new ProduceRecord(5, null, new byte[] {2}),
                new ProduceRecord(null, null, new byte[] {3}), new ProduceRecord(null, null, new byte[] {4})));

        assertEquals(2, sends.get(), "the record after the blocked one was not tried");
        assertTrue(results.get(0).get(5, TimeUnit.SECONDS).succeeded());
        assertTrue(results.get(1).isCompletedExceptionally(), "partition 5 does not exist: fails alone");
        assertSame(noMetadata, results.get(2).get(5, TimeUnit.SECONDS).failure());
        assertSame(noMetadata, results.get(3).get(5, TimeUnit.SECONDS).failure());
    }

    private static TopicMetadata oneTopic() {
        return new TopicMetadata() {
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
    }
}
