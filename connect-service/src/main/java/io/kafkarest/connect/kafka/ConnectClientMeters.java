package io.kafkarest.connect.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * Publishes the metrics of the Kafka clients the embedded Connect runtime makes (the worker's group member and its
 * config, offset and status topic clients, and the tasks' producers, consumers and admin clients) to the service's
 * {@link MeterRegistry}, named as {@code libs/kafka-support}'s {@code KafkaClientMeters} names the other services'
 * clients (Micrometer's {@link KafkaClientMetrics}: {@code kafka_producer_record_send_total{client_id=...}}).
 *
 * <p>Connect builds those clients itself, so this is a Kafka {@link MetricsReporter}: {@link WorkerProperties} lists it
 * in {@code metric.reporters} (and {@code producer.}, {@code consumer.}, {@code admin.metric.reporters} for the task
 * clients), Kafka makes one per client and hands it the client's metrics. The worker lists it for its own Connect
 * metrics and its group membership too (namespace {@code kafka.connect}); those it leaves to JMX. Kafka instantiates it reflectively, so it finds the registry in a static holder that
 * {@link EmbeddedConnectRuntime} sets before it builds the worker ({@link #use}); without a registry it does nothing.
 * One registry per JVM: a second worker in the same JVM (tests) takes the holder over.
 *
 * <p>The client's metrics are bound shortly after the client registers its reporter ({@link #BIND_DELAY_MS}: its
 * constructor adds most of them after that); those it adds later (a consumer's per-partition ones) are picked up by
 * {@link KafkaClientMetrics}' own refresh, once a minute. Closing the client removes its meters.
 */
public class ConnectClientMeters implements MetricsReporter {
    static final long BIND_DELAY_MS = 1_000;
    /** The {@link MetricsContext#NAMESPACE}s of Kafka's clients; the worker's own metrics are {@code kafka.connect}. */
    private static final Set<String> CLIENT_NAMESPACES = Set.of("kafka.producer", "kafka.consumer", "kafka.admin.client");
    private static final AtomicReference<MeterRegistry> REGISTRY = new AtomicReference<>();

    private final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private KafkaClientMetrics binder;
    private boolean closed;
    private boolean client;

    /** The registry the reporters Kafka makes from now on publish to (null: none). */
    public static void use(MeterRegistry registry) {
        REGISTRY.set(registry);
    }

    /** Forgets {@code registry} if it is still the one in use. */
    public static void forget(MeterRegistry registry) {
        REGISTRY.compareAndSet(registry, null);
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /** Kafka calls this before {@link #init}: only a producer's, consumer's or admin client's metrics are bound. */
    @Override
    public synchronized void contextChange(MetricsContext context) {
        client = CLIENT_NAMESPACES.contains(context.contextLabels().get(MetricsContext.NAMESPACE));
    }

    @Override
    public synchronized void init(List<KafkaMetric> initial) {
        initial.forEach(this::metricChange);
        MeterRegistry registry = REGISTRY.get();
        if (registry == null || !client || closed) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("connect-client-metrics").factory());
        scheduler.schedule(() -> bind(registry), BIND_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void bind(MeterRegistry registry) {
        if (!closed) {
            binder = new KafkaClientMetrics(metricsView(), List.<Tag>of(), scheduler);
            binder.bindTo(registry);
        }
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        metrics.remove(metric.metricName());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (binder != null) {
            binder.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        metrics.clear();
    }

    /**
     * {@link KafkaClientMetrics} takes a client, not a metrics map (the constructor taking the map is not public): a
     * producer whose only working method is {@link Producer#metrics()}, answering this client's metrics.
     */
    private Producer<?, ?> metricsView() {
        return (Producer<?, ?>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "metrics" -> metrics;
                    case "toString" -> "metrics of a Connect client";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
