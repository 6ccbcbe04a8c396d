package io.kafkarest.consume.core;

/** Creates the consumer behind an instance (the Kafka layer implements it). */
public interface ConsumerInstanceFactory {
    ConsumerInstance create(ConsumerInstanceId id, ConsumerSettings settings);
}
