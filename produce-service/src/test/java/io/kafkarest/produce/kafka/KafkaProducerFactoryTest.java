package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaProducerFactoryTest {

    @Test
    void defaultsApplyWhereSettingsSayNothing() {
        Map<String, Object> config = KafkaProducerFactory.producerConfig(Map.of("bootstrap.servers", "broker:9092"));

        assertEquals("broker:9092", config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("kafka-rest-produce", config.get(ProducerConfig.CLIENT_ID_CONFIG));
        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
    }

    @Test
    void rawSettingsPassThroughAndWin() {
        Map<String, Object> config = KafkaProducerFactory.producerConfig(Map.of("bootstrap.servers", "broker:9092",
                "client.id", "mine", "linger.ms", "20", "acks", "1", "security.protocol", "SSL",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));

        assertEquals("mine", config.get(ProducerConfig.CLIENT_ID_CONFIG));
        assertEquals("20", config.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("1", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("SSL", config.get("security.protocol"));
        assertFalse(config.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG), "bytes in, bytes out");
    }
}
