package io.kafkarest.consume.kafka;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.consume.core.PartitionReader;
import io.kafkarest.kafka.KafkaClientMeters;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads by offset with a small pool of group-less consumers ({@code consumer.partition-readers}, default 4): one
 * thread per pooled consumer, so at most that many reads run at once and the others wait their turn; no Kafka
 * client is made per request. Consumers are made on first use and live as long as the service.
 */
@Singleton
public class KafkaPartitionReader implements PartitionReader {
    private final AbstractKafkaConsumerConfiguration<?, ?> configuration;
    private final KafkaClientMeters clientMeters;
    private final Duration timeout;
    private final ExecutorService readers;
    private final BlockingQueue<Consumer<byte[], byte[]>> idle = new LinkedBlockingQueue<>();
    private final List<Consumer<byte[], byte[]>> all = new ArrayList<>();

    public KafkaPartitionReader(AbstractKafkaConsumerConfiguration<?, ?> configuration, ConsumerConfig config,
                                KafkaClientMeters clientMeters) {
        this.configuration = configuration;
        this.clientMeters = clientMeters;
        this.timeout = config.requestTimeout();
        this.readers = Executors.newFixedThreadPool(config.partitionReaders(),
                Thread.ofPlatform().daemon().name("partition-reader-", 0).factory());
    }

    @Override
    public <T> CompletableFuture<List<T>> read(String topic, int partition, long offset, int count, long maxBytes,
                                               Function<ConsumedRecord, T> converter) {
        return CompletableFuture.supplyAsync(() -> {
            Consumer<byte[], byte[]> consumer = borrow();
            try {
                return read(consumer, topic, partition, offset, count, maxBytes, converter);
            } finally {
                consumer.unsubscribe(); // drops the assignment and its fetched data
                idle.add(consumer);
            }
        }, readers);
    }

    private <T> List<T> read(Consumer<byte[], byte[]> consumer, String topic, int partition, long offset, int count,
                             long maxBytes, Function<ConsumedRecord, T> converter) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new ConsumerException(ConsumerException.Kind.TOPIC_NOT_FOUND, "Topic not found: '" + topic + "'");
        }
        if (partition < 0 || partitions.stream().noneMatch(p -> p.partition() == partition)) {
            throw new ConsumerException(ConsumerException.Kind.PARTITION_NOT_FOUND,
                    "Partition not found: partition " + partition + " of topic '" + topic + "'");
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        long first = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        if (offset < first || offset > end) {
            throw new ConsumerException(ConsumerException.Kind.OFFSET_OUT_OF_RANGE, "Offset " + offset
                    + " is out of range: partition " + partition + " of topic '" + topic + "' has offsets " + first
                    + " to " + (end - 1) + " (" + end + " is the next to be written)");
        }
        long last = Math.min(end, offset + count); // exclusive
        List<T> result = new ArrayList<>();
        if (offset == last) {
            return result;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long bytes = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100)).records(tp)) {
                ConsumedRecord record = KafkaConsumerInstance.toConsumed(r);
                if (r.offset() >= last || (!result.isEmpty() && bytes + record.size() > maxBytes)) {
                    return result;
                }
                result.add(converter.apply(record));
                bytes += record.size();
            }
            // a compacted or transactional partition may have no record at some offsets: stop at the end position
            if (consumer.position(tp) >= last || System.nanoTime() - deadline >= 0) {
                return result;
            }
        }
    }

    private Consumer<byte[], byte[]> borrow() {
        Consumer<byte[], byte[]> consumer = idle.poll();
        if (consumer != null) {
            return consumer;
        }
        Map<String, Object> props = Utils.propsToMap(configuration.getConfig());
        props.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG,
                "kafka-rest-partition-reader");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        clientMeters.bind(consumer); // lives as long as the service
        synchronized (all) {
            all.add(consumer);
        }
        return consumer;
    }

    @PreDestroy
    public void close() {
        readers.shutdownNow();
        synchronized (all) {
            all.forEach(c -> c.close(Duration.ofSeconds(5)));
        }
    }
}
