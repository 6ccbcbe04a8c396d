package io.kafkarest.produce.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kafkarest.testing.TestKafka;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A producer that can no longer send is replaced, so later requests succeed. */
class SharedProducerTest {

    @Test
    void aClosedProducerIsReplacedAfterItsFirstFailure() throws Exception {
        String topic = "shared-producer-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        SharedProducer shared = new SharedProducer(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
        try {
            Producer<byte[], byte[]> first = shared.get();
            first.close(); // e.g. a fatal error: every send fails from now on
            IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> first.send(new ProducerRecord<>(topic, new byte[] {1})));

            shared.failed(first, failure);
            Producer<byte[], byte[]> second = shared.get();
            assertNotSame(first, second);
            assertEquals(0L, second.send(new ProducerRecord<>(topic, new byte[] {2})).get(30, TimeUnit.SECONDS).offset());

            shared.failed(first, failure); // a late report about the old producer changes nothing
            assertSame(second, shared.get());
            shared.failed(second, new org.apache.kafka.common.errors.TimeoutException("transient"));
            assertSame(second, shared.get(), "a retriable failure keeps the producer");
        } finally {
            shared.close();
        }
    }
}
