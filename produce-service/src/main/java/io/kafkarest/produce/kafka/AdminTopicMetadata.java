package io.kafkarest.produce.kafka;

import io.kafkarest.produce.core.TopicMetadata;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topic metadata from the shared {@link Admin} client. A topic that exists is remembered with its partition
 * count for {@link TopicMetadataSettings#cacheTtl()}, so the produce hot path does not call Admin per request;
 * "does not exist" is never cached, so a topic is usable as soon as it is created. Concurrent lookups of one
 * topic share one Admin call.
 */
@Singleton
public class AdminTopicMetadata implements TopicMetadata {
    private final Admin admin;
    private final long ttlNanos;
    private final long timeoutMs;
    private final ConcurrentMap<String, Lookup> cache = new ConcurrentHashMap<>();
    private volatile String clusterId;

    public AdminTopicMetadata(Admin admin, TopicMetadataSettings settings) {
        this.admin = admin;
        this.ttlNanos = settings.cacheTtl().toNanos();
        this.timeoutMs = settings.timeout().toMillis();
    }

    @Override
    public OptionalInt partitionCount(String topic) {
        long now = System.nanoTime();
        Lookup lookup = cache.compute(topic, (t, cached) -> cached != null && cached.usableAt(now, ttlNanos)
                ? cached : new Lookup(describe(t), now));
        return await(topic, lookup);
    }

    @Override
    public String clusterId() {
        String id = clusterId;
        if (id == null) {
            try {
                id = admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw cause instanceof KafkaException ke ? ke : new KafkaException("Describing the cluster failed", cause);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new TimeoutException("Timed out after " + timeoutMs + " ms describing the cluster");
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            }
            clusterId = id;
        }
        return id;
    }

    @Override
    public OptionalInt refreshPartitionCount(String topic) {
        Lookup lookup = new Lookup(describe(topic), System.nanoTime());
        cache.put(topic, lookup);
        return await(topic, lookup);
    }

    private CompletableFuture<OptionalInt> describe(String topic) {
        DescribeTopicsOptions options = new DescribeTopicsOptions().timeoutMs((int) timeoutMs);
        return admin.describeTopics(List.of(topic), options).topicNameValues().get(topic)
                .toCompletionStage().toCompletableFuture()
                .thenApply(description -> OptionalInt.of(description.partitions().size()))
                .exceptionallyCompose(failure -> failure instanceof UnknownTopicOrPartitionException
                        || failure.getCause() instanceof UnknownTopicOrPartitionException
                        ? CompletableFuture.completedFuture(OptionalInt.empty())
                        : CompletableFuture.failedFuture(failure));
    }

    private OptionalInt await(String topic, Lookup lookup) {
        try {
            OptionalInt count = lookup.result.get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            if (count.isEmpty()) {
                cache.remove(topic, lookup);
            }
            return count;
        } catch (ExecutionException e) {
            cache.remove(topic, lookup);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof KafkaException ke) {
                throw ke;
            }
            throw new KafkaException("Describing topic " + topic + " failed", cause);
        } catch (java.util.concurrent.TimeoutException e) {
            cache.remove(topic, lookup);
            throw new TimeoutException("Timed out after " + timeoutMs + " ms describing topic " + topic);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /** One Admin lookup of a topic: in flight, or done. Only a successful "exists" answer is reused. */
    private record Lookup(CompletableFuture<OptionalInt> result, long startedAtNanos) {
        boolean usableAt(long now, long ttlNanos) {
            if (!result.isDone()) {
                return true;
            }
            if (result.isCompletedExceptionally() || now - startedAtNanos > ttlNanos) {
                return false;
            }
            return result.join().isPresent();
        }
    }
}
