package io.kafkarest.consume.kafka;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.consume.core.ConsumerInstance;
import io.kafkarest.consume.core.ConsumerInstanceId;
import io.kafkarest.consume.core.ConsumerMetrics;
import io.kafkarest.consume.core.ConsumerSettings;
import io.kafkarest.consume.core.PartitionOffset;
import io.kafkarest.consume.core.PartitionRef;
import io.kafkarest.consume.core.PartitionTimestamp;
import io.kafkarest.consume.core.ReadLimits;
import io.kafkarest.consume.core.Subscription;
import io.kafkarest.kafka.KafkaClientMeters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

/**
 * A consumer instance backed by one {@link Consumer}. {@code KafkaConsumer} is not thread-safe, so every call on
 * it runs on this instance's single thread; callers get futures.
 *
 * <p>Reads never hold records back: records polled but not returned (over {@code max_bytes}, or a failed
 * conversion) are un-read by seeking their partitions back, so the consumer's positions always equal what
 * clients have received. That keeps commits, auto-commit and close-time commits exact.
 */
final class KafkaConsumerInstance implements ConsumerInstance {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerInstanceId id;
    private final ConsumerSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final KafkaClientMeters.Binding clientMeters;
    private final ConsumerMetrics.Delivered delivered;
    private final ExecutorService thread;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;

    /** {@code clientMeters} and {@code delivered} are closed with the instance (its meters leave the registry). */
    KafkaConsumerInstance(ConsumerInstanceId id, ConsumerSettings settings, Consumer<byte[], byte[]> consumer,
                          KafkaClientMeters.Binding clientMeters, ConsumerMetrics.Delivered delivered) {
        this.id = id;
        this.settings = settings;
        this.consumer = consumer;
        this.clientMeters = clientMeters;
        this.delivered = delivered;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "consumer-" + id.group() + "-" + id.instance());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ConsumerInstanceId id() {
        return id;
    }

    @Override
    public ConsumerSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<Void> subscribe(Subscription subscription) {
        return run(() -> {
            if (subscription.topics() != null) {
                consumer.subscribe(subscription.topics());
            } else {
                consumer.subscribe(subscription.pattern());
            }
        });
    }

    @Override
    public CompletableFuture<Void> subscribeIfUnsubscribed(String topic) {
        return run(() -> {
            Set<String> current = consumer.subscription();
            if (current.isEmpty() && consumer.assignment().isEmpty()) {
                if (consumer.partitionsFor(topic).isEmpty()) {
                    throw new ConsumerException(ConsumerException.Kind.TOPIC_NOT_FOUND,
                            "Topic not found: '" + topic + "'");
                }
                consumer.subscribe(List.of(topic));
            } else if (!current.equals(Set.of(topic))) {
                throw new ConsumerException(ConsumerException.Kind.ALREADY_SUBSCRIBED,
                        "Consumer has already initiated a subscription (" + describeSubscription()
                                + "); it cannot read from topic '" + topic + "'");
            }
        });
    }

    @Override
    public CompletableFuture<List<String>> subscription() {
        return call(() -> consumer.subscription().stream().sorted().toList());
    }

    @Override
    public CompletableFuture<Void> unsubscribe() {
        return run(consumer::unsubscribe);
    }

    @Override
    public <T> CompletableFuture<List<T>> read(ReadLimits limits, Function<ConsumedRecord, T> converter) {
        return call(() -> {
            List<T> records = doRead(limits, converter);
            delivered.add(records.size());
            return records;
        });
    }

    @Override
    public CompletableFuture<List<PartitionOffset>> commit(List<PartitionOffset> offsets) {
        return call(() -> {
            Map<TopicPartition, OffsetAndMetadata> toCommit = new LinkedHashMap<>();
            if (offsets.isEmpty()) {
                for (TopicPartition tp : consumer.assignment()) {
                    toCommit.put(tp, new OffsetAndMetadata(consumer.position(tp)));
                }
            } else {
                for (PartitionOffset o : offsets) {
                    toCommit.put(new TopicPartition(o.topic(), o.partition()),
                            new OffsetAndMetadata(o.offset(), o.metadata() == null ? "" : o.metadata()));
                }
            }
            if (!toCommit.isEmpty()) {
                consumer.commitSync(toCommit);
            }
            return toPartitionOffsets(toCommit);
        });
    }

    @Override
    public CompletableFuture<List<PartitionOffset>> committed(List<PartitionRef> partitions) {
        return call(() -> {
            Set<TopicPartition> tps = partitions.isEmpty() ? consumer.assignment() : Set.copyOf(toKafka(partitions));
            if (tps.isEmpty()) {
                return List.of();
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(consumer.committed(tps));
            committed.values().removeIf(Objects::isNull);
            return toPartitionOffsets(committed);
        });
    }

    @Override
    public CompletableFuture<Void> seek(List<PartitionOffset> positions) {
        return run(() -> positions.forEach(p ->
                consumer.seek(new TopicPartition(p.topic(), p.partition()), p.offset())));
    }

    @Override
    public CompletableFuture<Void> seekToTimestamps(List<PartitionTimestamp> timestamps) {
        return run(() -> {
            Map<TopicPartition, Long> times = new LinkedHashMap<>();
            timestamps.forEach(t -> times.put(new TopicPartition(t.topic(), t.partition()), t.timestampMillis()));
            Set<TopicPartition> assigned = consumer.assignment();
            for (TopicPartition tp : times.keySet()) {
                if (!assigned.contains(tp)) { // offsetsForTimes would answer for it, seek would not
                    throw new IllegalStateException("No current assignment for partition " + tp);
                }
            }
            List<TopicPartition> withoutRecord = new ArrayList<>();
            consumer.offsetsForTimes(times).forEach((tp, found) -> {
                if (found == null) {
                    withoutRecord.add(tp);
                } else {
                    consumer.seek(tp, found.offset());
                }
            });
            if (!withoutRecord.isEmpty()) {
                consumer.seekToEnd(withoutRecord);
            }
        });
    }

    @Override
    public CompletableFuture<Void> seekToBeginning(List<PartitionRef> partitions) {
        return run(() -> consumer.seekToBeginning(toKafka(partitions)));
    }

    @Override
    public CompletableFuture<Void> seekToEnd(List<PartitionRef> partitions) {
        return run(() -> consumer.seekToEnd(toKafka(partitions)));
    }

    @Override
    public CompletableFuture<Void> assign(List<PartitionRef> partitions) {
        return run(() -> consumer.assign(toKafka(partitions)));
    }

    @Override
    public CompletableFuture<List<PartitionRef>> assignment() {
        return call(() -> consumer.assignment().stream()
                .map(tp -> new PartitionRef(tp.topic(), tp.partition()))
                .sorted(PartitionRef.ORDER)
                .toList());
    }

    @Override
    public synchronized CompletableFuture<Void> close() {
        if (closing) {
            return closed;
        }
        closing = true;
        clientMeters.close();
        delivered.close();
        consumer.wakeup(); // aborts a poll in progress; the thread then runs the close below
        try {
            thread.execute(() -> {
                try {
                    consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
                    closed.complete(null);
                } catch (Throwable e) {
                    closed.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            closed.completeExceptionally(e);
        }
        thread.shutdown();
        return closed;
    }

    private <T> List<T> doRead(ReadLimits limits, Function<ConsumedRecord, T> converter) {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        List<T> result = new ArrayList<>();
        long bytes = 0;
        // First offset polled per partition during this read: where to rewind if the read fails.
        Map<TopicPartition, Long> firstPolled = new HashMap<>();
        try {
            while (true) {
                long remainingMs = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(remainingMs));
                Map<TopicPartition, Long> notReturned = new HashMap<>();
                boolean stop = false;
                for (TopicPartition tp : polled.partitions()) {
                    List<ConsumerRecord<byte[], byte[]>> records = polled.records(tp);
                    firstPolled.putIfAbsent(tp, records.getFirst().offset());
                    if (stop) {
                        notReturned.put(tp, records.getFirst().offset());
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        ConsumedRecord record = toConsumed(r);
                        if (!result.isEmpty() && bytes + record.size() > limits.maxBytes()) {
                            stop = true;
                            notReturned.put(tp, r.offset());
                            break;
                        }
                        T converted;
                        try {
                            converted = converter.apply(record);
                        } catch (RuntimeException e) {
                            if (result.isEmpty()) {
                                throw e;
                            }
                            // answer what converted; the failing record stays next and fails the next read
                            stop = true;
                            notReturned.put(tp, r.offset());
                            break;
                        }
                        result.add(converted);
                        bytes += record.size();
                    }
                }
                seekBack(notReturned);
                boolean enough = !result.isEmpty() && bytes >= Math.max(1, limits.minBytes());
                if (stop || enough || System.nanoTime() - deadline >= 0) {
                    return result;
                }
            }
        } catch (RuntimeException e) {
            if (!closing) {
                seekBack(firstPolled);
            }
            throw e;
        }
    }

    static ConsumedRecord toConsumed(ConsumerRecord<byte[], byte[]> r) {
        List<ConsumedRecord.Header> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(new ConsumedRecord.Header(h.key(), h.value()));
        }
        return new ConsumedRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.timestamp(),
                r.timestampType().name, headers);
    }

    private void seekBack(Map<TopicPartition, Long> offsets) {
        Set<TopicPartition> assigned = offsets.isEmpty() ? Set.of() : consumer.assignment();
        offsets.forEach((tp, offset) -> {
            if (assigned.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    private String describeSubscription() {
        Set<String> topics = consumer.subscription();
        if (!topics.isEmpty()) {
            return "topics " + topics.stream().sorted().toList();
        }
        return "assigned partitions " + consumer.assignment();
    }

    private static List<TopicPartition> toKafka(Collection<PartitionRef> partitions) {
        return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static List<PartitionOffset> toPartitionOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.entrySet().stream()
                .map(e -> new PartitionOffset(e.getKey().topic(), e.getKey().partition(),
                        e.getValue().offset(), e.getValue().metadata()))
                .sorted(PartitionOffset.ORDER)
                .toList();
    }

    private CompletableFuture<Void> run(Runnable op) {
        return call(() -> {
            op.run();
            return null;
        });
    }

    /** Runs the operation on this instance's thread; maps Kafka's state errors and a closed consumer. */
    private <T> CompletableFuture<T> call(Callable<T> op) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closing) {
            future.completeExceptionally(ConsumerException.notFound(id));
            return future;
        }
        try {
            thread.execute(() -> {
                if (closing) {
                    future.completeExceptionally(ConsumerException.notFound(id));
                    return;
                }
                try {
                    future.complete(op.call());
                } catch (WakeupException e) {
                    future.completeExceptionally(closing ? ConsumerException.notFound(id) : e);
                } catch (IllegalStateException e) {
                    future.completeExceptionally(new ConsumerException(ConsumerException.Kind.ILLEGAL_STATE,
                            "Illegal state of consumer instance '" + id.instance() + "': " + e.getMessage(), e));
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(ConsumerException.notFound(id));
        }
        return future;
    }
}
