package io.kafkarest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes a Kafka client's own metrics (Micrometer's {@link KafkaClientMetrics}: {@code kafka_producer_*},
 * {@code kafka_consumer_*}, {@code kafka_admin_client_*}, tagged with the {@code client_id}) to the service's
 * {@link MeterRegistry}. Every client a service makes is bound here; {@link Binding#close()} removes the client's
 * meters (call it when the client is closed). Without a registry (metrics disabled) binding does nothing.
 */
@Singleton
public class KafkaClientMeters {
    /** Binds nothing: for code built without a registry (unit tests). */
    public static final KafkaClientMeters NONE = new KafkaClientMeters(null);

    private final MeterRegistry registry;

    public KafkaClientMeters(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    public Binding bind(Producer<?, ?> producer) {
        return bind(refresh -> new KafkaClientMetrics(producer, List.<Tag>of(), refresh));
    }

    public Binding bind(Consumer<?, ?> consumer) {
        return bind(refresh -> new KafkaClientMetrics(consumer, List.<Tag>of(), refresh));
    }

    public Binding bind(Admin admin) {
        if (!(admin instanceof AdminClient client)) {
            return Binding.NONE;
        }
        return bind(refresh -> new KafkaClientMetrics(client, List.<Tag>of(), refresh));
    }

    /**
     * The binder looks for metrics the client added since (a consumer's per-partition ones) once a minute on its own
     * scheduler: a virtual thread here, so a consumer instance costs no extra platform thread.
     */
    private Binding bind(Function<ScheduledExecutorService, KafkaClientMetrics> binder) {
        if (registry == null) {
            return Binding.NONE;
        }
        ScheduledExecutorService refresh =
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("kafka-client-metrics").factory());
        KafkaClientMetrics metrics = binder.apply(refresh);
        metrics.bindTo(registry);
        return () -> {
            refresh.shutdownNow();
            metrics.close();
        };
    }

    /** A client's meters in the registry; closing removes them. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        Binding NONE = () -> { };

        @Override
        void close();
    }
}
