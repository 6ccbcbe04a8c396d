package io.kafkarest.produce.kafka;

import io.kafkarest.kafka.KafkaClientSettings;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds the process's producer. Raw settings come from {@code kafka.client.*} and {@code kafka.producer.*} (env
 * {@code KAFKA_CLIENT_*}, {@code KAFKA_PRODUCER_*}); the defaults below apply only where those say nothing.
 */
final class KafkaProducerFactory {
    static final String DEFAULT_CLIENT_ID = "kafka-rest-produce";

    private KafkaProducerFactory() {
    }

    static Producer<byte[], byte[]> create(KafkaClientSettings settings) {
        return new KafkaProducer<>(producerConfig(settings), new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerConfig(KafkaClientSettings settings) {
        Map<String, Object> props = settings.producer();
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        // a 200 means every in-sync replica has the record; idempotence (Kafka's default) keeps retries duplicate-free
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // a REST call should not hang for Kafka's default minutes when metadata, buffer space or the broker is missing:
        // a record is answered (written, or failed with 50002/50003) within delivery.timeout.ms
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        // serializers are fixed by the constructor; drop configured ones so Kafka does not warn about them
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return props;
    }
}
