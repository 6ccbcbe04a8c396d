package io.kafkarest.produce.kafka;

import io.kafkarest.kafka.KafkaClientMeters;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one {@link Producer}, shared by every request. A producer that reaches a state it cannot leave (it
 * was closed, or its idempotent session failed fatally) fails every later send; when a send reports such a failure
 * the broken producer is replaced by a new one (once, whoever notices first) and closed in the background. The
 * current producer's metrics are in the service's registry ({@link KafkaClientMeters}).
 */
@Singleton
public class SharedProducer {
    private static final Logger LOG = LoggerFactory.getLogger(SharedProducer.class);

    /** How much longer than delivery.timeout.ms a record may wait for the producer's answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);

    private final Supplier<Producer<byte[], byte[]>> factory;
    private final Duration answerTimeout;
    private final KafkaClientMeters meters;
    private final AtomicReference<Producer<byte[], byte[]>> current = new AtomicReference<>();
    private KafkaClientMeters.Binding currentMeters = KafkaClientMeters.Binding.NONE;

    @Inject
    public SharedProducer(AbstractKafkaProducerConfiguration<?, ?> configuration, KafkaClientMeters meters) {
        this(KafkaProducerFactory.producerConfig(configuration), meters);
    }

    /** A producer with these raw settings (and the defaults of {@link KafkaProducerFactory}), its metrics nowhere. */
    public SharedProducer(Map<String, Object> settings) {
        this(KafkaProducerFactory.producerConfig(settings), KafkaClientMeters.NONE);
    }

    private SharedProducer(Map<String, Object> config, KafkaClientMeters meters) {
        this(() -> KafkaProducerFactory.create(config), Duration.ofMillis(Long.parseLong(String.valueOf(
                config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)))).plus(ANSWER_MARGIN), meters);
    }

    SharedProducer(Supplier<Producer<byte[], byte[]>> factory, Duration answerTimeout) {
        this(factory, answerTimeout, KafkaClientMeters.NONE);
    }

    private SharedProducer(Supplier<Producer<byte[], byte[]>> factory, Duration answerTimeout,
                           KafkaClientMeters meters) {
        this.factory = factory;
        this.answerTimeout = answerTimeout;
        this.meters = meters;
        install(factory.get());
    }

    /** Makes {@code producer} the current one; its metrics replace the previous producer's. */
    private synchronized void install(Producer<byte[], byte[]> producer) {
        currentMeters.close();
        current.set(producer);
        currentMeters = meters.bind(producer);
    }

    /**
     * How long a send may wait for the producer's answer before it is answered as timed out: delivery.timeout.ms and
     * a margin. The producer expires batches after delivery.timeout.ms, but not while an idempotent producer waits
     * for a new producer id from a broker that is down, so a REST answer needs its own deadline.
     */
    public Duration answerTimeout() {
        return answerTimeout;
    }

    public Producer<byte[], byte[]> get() {
        return current.get();
    }

    /** Called with every send failure of {@code producer}; replaces it when the failure is fatal. */
    public void failed(Producer<byte[], byte[]> producer, Throwable failure) {
        if (!isFatal(failure)) {
            return;
        }
        synchronized (this) {
            if (current.get() != producer) {
                return; // replaced already
            }
            LOG.warn("The producer failed fatally and is replaced: {}", failure.toString());
            install(factory.get());
        }
        Thread.ofVirtual().name("producer-close").start(() -> producer.close(Duration.ofSeconds(5)));
    }

    /** Failures after which the producer fails every send (Kafka's fatal errors, or a closed producer). */
    static boolean isFatal(Throwable failure) {
        return failure instanceof IllegalStateException
                || failure instanceof ProducerFencedException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof InvalidProducerEpochException
                || failure instanceof UnsupportedVersionException
                || failure instanceof AuthorizationException;
    }

    @PreDestroy
    public synchronized void close() {
        currentMeters.close();
        current.get().close();
    }
}
