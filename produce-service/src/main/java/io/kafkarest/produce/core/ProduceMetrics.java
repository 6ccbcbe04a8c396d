package io.kafkarest.produce.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records produced per topic: {@code kafkarest_records_produced_total{topic}} (Kafka acknowledged the record) and
 * {@code kafkarest_records_failed_total{topic}} (Kafka did not write it, or gave no answer in time).
 */
@Singleton
public class ProduceMetrics {
    /** Counts nothing: for code built without a registry (unit tests). */
    public static final ProduceMetrics NONE = new ProduceMetrics(null);

    private final MeterRegistry registry;
    private final Map<String, Counter> produced = new ConcurrentHashMap<>();
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    public ProduceMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record's outcome. */
    public void record(String topic, RecordResult result) {
        if (registry == null) {
            return;
        }
        boolean written = result.succeeded();
        (written ? produced : failed).computeIfAbsent(topic, t -> Counter
                .builder(written ? "kafkarest.records.produced" : "kafkarest.records.failed")
                .description(written ? "Records Kafka acknowledged" : "Records Kafka did not write")
                .tag("topic", t)
                .register(registry)).increment();
    }
}
