package io.kafkarest.admin.core;

import java.util.Optional;
import java.util.Set;

/** A topic without its partition details: what v3 shows of a topic. */
public record TopicSummary(String name, boolean internal, int partitionsCount, int replicationFactor,
                           Optional<Set<String>> authorizedOperations) {

    public TopicSummary(String name, boolean internal, int partitionsCount, int replicationFactor) {
        this(name, internal, partitionsCount, replicationFactor, Optional.empty());
    }
}
