package io.kafkarest.admin.core;

/** A topic without its partition details: what v3 shows of a topic. */
public record TopicSummary(String name, boolean internal, int partitionsCount, int replicationFactor) {
}
