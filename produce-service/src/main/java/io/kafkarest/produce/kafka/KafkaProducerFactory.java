package io.kafkarest.produce.kafka;

import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Builds the process's producer from micronaut-kafka's producer configuration: raw keys from {@code kafka.*} (every
 * client) and {@code kafka.producers.default.*} (env {@code KAFKA_<KEY>}, {@code KAFKA_PRODUCERS_DEFAULT_<KEY>});
 * the defaults below apply only where those say nothing.
 */
final class KafkaProducerFactory {
    static final String DEFAULT_CLIENT_ID = "kafka-rest-produce";

    private KafkaProducerFactory() {
    }

    static Producer<byte[], byte[]> create(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerConfig(AbstractKafkaProducerConfiguration<?, ?> configuration) {
        return producerConfig(Utils.propsToMap(configuration.getConfig()));
    }

    static Map<String, Object> producerConfig(Map<String, Object> configured) {
        Map<String, Object> props = new HashMap<>(configured);
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
