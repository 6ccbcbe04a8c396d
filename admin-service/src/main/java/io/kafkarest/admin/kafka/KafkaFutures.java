package io.kafkarest.admin.kafka;

import io.kafkarest.admin.core.AdminException;
import java.util.List;
import java.util.Optional;
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

    /** The value, or empty when the future fails with {@code gone} (the thing vanished meanwhile). */
    static <T> CompletableFuture<Optional<T>> unlessGone(CompletableFuture<T> future,
                                                        Class<? extends Throwable> gone) {
        return future.thenApply(Optional::of).exceptionallyCompose(failure -> gone.isInstance(unwrap(failure))
                ? CompletableFuture.completedFuture(Optional.empty()) : CompletableFuture.failedFuture(failure));
    }

    /** Completes when all complete, with the present values in the given order; fails if any fails. */
    static <T> CompletableFuture<List<T>> allPresent(List<CompletableFuture<Optional<T>>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
