package io.kafkarest.admin.kafka;

import io.kafkarest.admin.core.AdminException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Kafka's futures as {@link CompletableFuture}s, and the translation of Kafka's not-found errors. */
final class KafkaFutures {
    private KafkaFutures() {
    }

    static <T> CompletableFuture<T> toCompletable(KafkaFuture<T> future) {
        return future.toCompletionStage().toCompletableFuture();
    }

    /** The future, with Kafka's "unknown topic or partition" turned into a topic-not-found for {@code topic}. */
    static <T> CompletableFuture<T> forTopic(KafkaFuture<T> future, String topic) {
        return translate(toCompletable(future), cause -> cause instanceof UnknownTopicOrPartitionException
                ? AdminException.topicNotFound(topic) : null);
    }

    /** Replaces a failure by what {@code translator} makes of its cause; {@code null} keeps the cause. */
    static <T> CompletableFuture<T> translate(CompletableFuture<T> future,
                                              Function<Throwable, RuntimeException> translator) {
        return future.exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            RuntimeException translated = translator.apply(cause);
            return CompletableFuture.failedFuture(translated == null ? cause : translated);
        });
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
