package io.kafkarest.consume.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Consumer instances alive on this node ({@code kafkarest_consumer_instances}) and records delivered to clients per
 * instance ({@code kafkarest_consumer_records_delivered_total{group,instance}}; the series goes when the instance
 * is closed, so deleted and expired instances leave nothing behind).
 */
@Singleton
public class ConsumerMetrics {
    /** Counts nothing: for code built without a registry (unit tests). */
    public static final ConsumerMetrics NONE = new ConsumerMetrics(null);

    private final MeterRegistry registry;

    public ConsumerMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** The gauge of instances alive: the size of {@code instances} whenever it is scraped. */
    void instancesAlive(Map<?, ?> instances) {
        if (registry != null) {
            Gauge.builder("kafkarest.consumer.instances", instances, Map::size)
                    .description("Consumer instances alive on this node")
                    .register(registry);
        }
    }

    /** The counter of one instance's delivered records; {@link Delivered#close()} removes it. */
    public Delivered delivered(ConsumerInstanceId id) {
        if (registry == null) {
            return Delivered.NONE;
        }
        Counter counter = Counter.builder("kafkarest.consumer.records.delivered")
                .description("Records a consumer instance returned to its client")
                .tag("group", id.group())
                .tag("instance", id.instance())
                .register(registry);
        return new Delivered() {
            @Override
            public void add(int records) {
                counter.increment(records);
            }

            @Override
            public void close() {
                registry.remove(counter);
            }
        };
    }

    /** One instance's count of delivered records. */
    public interface Delivered extends AutoCloseable {
        Delivered NONE = new Delivered() {
            @Override
            public void add(int records) {
            }

            @Override
            public void close() {
            }
        };

        void add(int records);

        @Override
        void close();
    }
}
