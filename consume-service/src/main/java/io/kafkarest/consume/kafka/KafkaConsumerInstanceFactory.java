package io.kafkarest.consume.kafka;

import io.kafkarest.consume.core.ConsumerInstance;
import io.kafkarest.consume.core.ConsumerInstanceFactory;
import io.kafkarest.consume.core.ConsumerInstanceId;
import io.kafkarest.consume.core.ConsumerMetrics;
import io.kafkarest.consume.core.ConsumerSettings;
import java.time.Duration;
import io.kafkarest.kafka.KafkaClientMeters;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds each instance's {@link KafkaConsumer} (kafka-clients directly: micronaut-kafka's consumers are static
 * {@code @KafkaListener}s) from micronaut-kafka's consumer configuration ({@code kafka.*}, then
 * {@code kafka.consumers.default.*}), then the instance's own: {@code group.id} = the group,
 * {@code client.id} = the instance id, and {@code auto.offset.reset} / {@code enable.auto.commit} when the create
 * request set them. {@code max.poll.interval.ms} defaults to the instance timeout plus a minute: an instance is
 * only polled when a client reads, and Kafka must not evict a live instance from its group before the proxy
 * expires it (Kafka's default, 5 minutes, equals the default instance timeout and would race with it).
 * {@code allow.auto.create.topics} defaults to false: a REST client reading a topic that does not exist gets 40401
 * and creates nothing, even on a broker that auto-creates topics (Kafka's default). The consumer's metrics and the
 * instance's count of delivered records are in the registry until the instance is closed.
 */
@Singleton
public class KafkaConsumerInstanceFactory implements ConsumerInstanceFactory {
    private static final Duration POLL_INTERVAL_MARGIN = Duration.ofMinutes(1);

    private final AbstractKafkaConsumerConfiguration<?, ?> configuration;
    private final Duration instanceTimeout;
    private final KafkaClientMeters clientMeters;
    private final ConsumerMetrics metrics;

    @Inject
    public KafkaConsumerInstanceFactory(AbstractKafkaConsumerConfiguration<?, ?> configuration,
                                        io.kafkarest.consume.core.ConsumerConfig config,
                                        KafkaClientMeters clientMeters, ConsumerMetrics metrics) {
        this(configuration, config.instanceTimeout(), clientMeters, metrics);
    }

    public KafkaConsumerInstanceFactory(AbstractKafkaConsumerConfiguration<?, ?> configuration,
                                        Duration instanceTimeout) {
        this(configuration, instanceTimeout, KafkaClientMeters.NONE, ConsumerMetrics.NONE);
    }

    private KafkaConsumerInstanceFactory(AbstractKafkaConsumerConfiguration<?, ?> configuration,
                                         Duration instanceTimeout, KafkaClientMeters clientMeters,
                                         ConsumerMetrics metrics) {
        this.configuration = configuration;
        this.instanceTimeout = instanceTimeout;
        this.clientMeters = clientMeters;
        this.metrics = metrics;
    }

    @Override
    public ConsumerInstance create(ConsumerInstanceId id, ConsumerSettings settings) {
        Map<String, Object> props = Utils.propsToMap(configuration.getConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, id.group());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, id.instance());
        // reading a topic that does not exist answers 40401 instead of creating it (the broker may auto-create)
        props.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, instanceTimeout.plus(POLL_INTERVAL_MARGIN).toMillis()));
        settings.autoOffsetReset().ifPresent(reset -> props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset.kafkaName()));
        settings.autoCommit().ifPresent(enabled -> props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, enabled));
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new KafkaConsumerInstance(id, settings, consumer, clientMeters.bind(consumer), metrics.delivered(id));
    }
}
