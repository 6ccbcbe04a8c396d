package io.kafkarest.admin.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.KafkaFuture;

final class KafkaFutures {
    private KafkaFutures() {
    }

    static <T> CompletableFuture<T> toCompletable(KafkaFuture<T> future) {
        return future.toCompletionStage().toCompletableFuture();
    }
}
