package io.kafkarest.bench.consume;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline: the Kafka Java consumer in this JVM ({@code KafkaConsumer<byte[],byte[]>}, a fresh group, the
 * client's defaults except {@code auto.offset.reset=earliest}), one thread polling the pre-filled topic from the
 * beginning as fast as it can: {@code warmup} unmeasured, then {@code duration} measured.
 */
final class NativeConsumerBench {
    private NativeConsumerBench() {
    }

    /**
     * What the measured window saw.
     *
     * @param records      records polled inside the window
     * @param seconds      the window's length
     * @param totalRecords records polled over the whole run
     * @param lastRecordNs System.nanoTime() of the last poll that returned records
     * @param windowStartNs when the window started
     */
    record Outcome(long records, double seconds, long totalRecords, long lastRecordNs, long windowStartNs) {
    }

    static Outcome run(String bootstrap, String topic, String group, Duration warmup, Duration duration) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-native-consumer");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            // the clock starts with the first records: joining the group is not reading
            long total = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (total == 0) {
                total += consumer.poll(Duration.ofMillis(100)).count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no record within 30 s of subscribing to " + topic);
                }
            }
            long last = System.nanoTime();
            long windowStart = last + warmup.toNanos();
            long end = windowStart + duration.toNanos();
            long records = 0;
            for (long now = last; now < end; ) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                now = System.nanoTime();
                int n = polled.count();
                if (n > 0) {
                    total += n;
                    last = now;
                    if (now >= windowStart && now < end) {
                        records += n;
                    }
                }
            }
            return new Outcome(records, duration.toNanos() / 1e9, total, last, windowStart);
        }
    }
}
