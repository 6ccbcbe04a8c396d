package io.kafkarest.kafka;

import io.micronaut.configuration.kafka.config.AbstractKafkaConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Leaves only Kafka client keys in every micronaut-kafka configuration ({@code kafka.*}: every client and the Admin
 * bean; {@code kafka.producers.default.*}; {@code kafka.consumers.default.*}) before a client is built from it.
 * micronaut-kafka passes everything under {@code kafka} through, and that brings keys Kafka does not know: the
 * variants Micronaut derives from each environment variable ({@code KAFKA_LINGER_MS} is also offered as
 * {@code linger-ms}; Kafka's keys never hold a dash) and micronaut-kafka's own settings
 * ({@code kafka.enabled}, {@code kafka.health.*}, {@code kafka.health-timeout}).
 */
@Singleton
public class KafkaClientKeys implements BeanCreatedEventListener<AbstractKafkaConfiguration<?, ?>> {

    @Override
    public AbstractKafkaConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConfiguration<?, ?>> event) {
        event.getBean().getConfig().keySet().removeIf(key -> !isKafkaKey(key.toString()));
        return event.getBean();
    }

    static boolean isKafkaKey(String key) {
        return !key.contains("-") && !key.equals("enabled") && !key.startsWith("health.");
    }
}
