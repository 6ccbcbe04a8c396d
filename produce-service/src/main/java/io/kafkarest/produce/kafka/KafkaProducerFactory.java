package io.kafkarest.produce.kafka;

import io.kafkarest.kafka.KafkaClientSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one {@link Producer} of the process, shared by every request. Raw settings come from
 * {@code kafka.client.*} and {@code kafka.producer.*} (env {@code KAFKA_CLIENT_*}, {@code KAFKA_PRODUCER_*}); the
 * defaults below apply only where those say nothing. Closed on shutdown, which waits for records in flight.
 */
@Factory
public class KafkaProducerFactory {
    static final String DEFAULT_CLIENT_ID = "kafka-rest-produce";

    @Singleton
    @Bean(preDestroy = "close")
    public Producer<byte[], byte[]> producer(KafkaClientSettings settings) {
        return new KafkaProducer<>(producerConfig(settings), new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerConfig(KafkaClientSettings settings) {
        Map<String, Object> props = settings.producer();
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        // a 200 means every in-sync replica has the record (idempotence stays on, Kafka's default)
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        // a REST call should not hang for Kafka's default minute when metadata or buffer space is missing
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        // serializers are fixed by the constructor; drop configured ones so Kafka does not warn about them
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return props;
    }
}
