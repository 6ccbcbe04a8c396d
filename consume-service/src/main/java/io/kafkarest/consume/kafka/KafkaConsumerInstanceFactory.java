package io.kafkarest.consume.kafka;

import io.kafkarest.consume.core.ConsumerInstance;
import io.kafkarest.consume.core.ConsumerInstanceFactory;
import io.kafkarest.consume.core.ConsumerInstanceId;
import io.kafkarest.consume.core.ConsumerSettings;
import io.kafkarest.kafka.KafkaClientSettings;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds each instance's {@link KafkaConsumer}: the service's consumer settings ({@code kafka.bootstrap.servers},
 * {@code kafka.client.*}, {@code kafka.consumer.*}), then the instance's own: {@code group.id} = the group,
 * {@code client.id} = the instance id, and {@code auto.offset.reset} / {@code enable.auto.commit} when the create
 * request set them.
 */
@Singleton
public class KafkaConsumerInstanceFactory implements ConsumerInstanceFactory {
    private final KafkaClientSettings clientSettings;

    public KafkaConsumerInstanceFactory(KafkaClientSettings clientSettings) {
        this.clientSettings = clientSettings;
    }

    @Override
    public ConsumerInstance create(ConsumerInstanceId id, ConsumerSettings settings) {
        Map<String, Object> props = clientSettings.consumer();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, id.group());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, id.instance());
        settings.autoOffsetReset().ifPresent(reset -> props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset.kafkaName()));
        settings.autoCommit().ifPresent(enabled -> props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, enabled));
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new KafkaConsumerInstance(id, settings, consumer);
    }
}
