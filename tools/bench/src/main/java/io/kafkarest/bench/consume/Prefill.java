package io.kafkarest.bench.consume;

import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills the topic every consume case reads, once per run, with a native producer in this JVM: {@code records}
 * values of {@code recordSize} random bytes (the same value each time), no key, spread over the partitions by the
 * default partitioner; acks=1 and large batches, since only the fill's speed matters here, not its durability.
 */
final class Prefill {
    private Prefill() {
    }

    static void fill(String bootstrap, String topic, long records, int recordSize) throws Exception {
        if (records == 0) {
            return;
        }
        byte[] value = new byte[recordSize];
        new Random(42).nextBytes(value);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-prefill");
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long nextReport = start + 5_000_000_000L;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
                if ((i & 0xfff) == 0 && System.nanoTime() > nextReport) {
                    nextReport += 5_000_000_000L;
                    System.err.printf("  filled %,d of %,d records%n", acked.get(), records);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new Exception("pre-filling " + topic + ": " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("  filled %,d records in %.1f s (%,.0f records/s)%n", acked.get(), seconds,
                acked.get() / seconds);
    }
}
