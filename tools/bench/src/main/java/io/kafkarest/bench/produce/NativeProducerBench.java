package io.kafkarest.bench.produce;

import io.kafkarest.bench.Result;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: the Kafka Java client in this JVM, one thread calling {@code send()} as fast as the client accepts
 * (like kafka-producer-perf-test without a throughput limit), acks=all, idempotence on, byte[] serializers, the
 * client's other settings at their defaults. Latency is per send: from calling {@code send()} to its callback.
 * At most {@code maxInFlight} records are unacknowledged at a time (0 = no limit: the client's 32 MB buffer fills
 * and latency becomes mostly queueing).
 */
final class NativeProducerBench {
    private NativeProducerBench() {
    }

    /** What one phase (warm-up or measurement) saw; written by the producer's I/O thread. */
    private static final class Phase {
        final Histogram micros = new Histogram(3_600_000_000L, 3);
        long ok;
        long failed;
        long lastAck;
        String firstError;

        synchronized void acked(long sentAt, Exception e) {
            long now = System.nanoTime();
            if (e == null) {
                ok++;
                micros.recordValue(Math.max(1, (now - sentAt) / 1000));
                lastAck = now;
            } else {
                failed++;
                if (firstError == null) {
                    firstError = e.toString();
                }
            }
        }
    }

    static Result run(String caseName, String bootstrap, String topic, byte[] value, Duration warmup,
                      Duration duration, int maxInFlight) throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-native");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            if (!warmup.isZero()) {
                sendFor(producer, topic, value, warmup, new Phase(), maxInFlight);
            }
            Phase measured = new Phase();
            long start = System.nanoTime();
            sendFor(producer, topic, value, duration, measured, maxInFlight);
            synchronized (measured) {
                double seconds = (Math.max(measured.lastAck, start + 1) - start) / 1e9;
                if (measured.ok == 0) {
                    return Result.failed(caseName, "kafka", measured.firstError == null ? "nothing acknowledged"
                            : measured.firstError);
                }
                return Result.of(caseName, "kafka", measured.ok / seconds, value.length,
                        measured.micros.getValueAtPercentile(50) / 1000.0,
                        measured.micros.getValueAtPercentile(99) / 1000.0, measured.failed, measured.firstError);
            }
        }
    }

    private static void sendFor(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value, Duration d,
                                Phase phase, int maxInFlight) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight > 0 ? maxInFlight : Integer.MAX_VALUE);
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long sentAt = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> {
                phase.acked(sentAt, e);
                inFlight.release();
            });
        }
        producer.flush();
    }
}
