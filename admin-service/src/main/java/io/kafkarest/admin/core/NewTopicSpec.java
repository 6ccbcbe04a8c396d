package io.kafkarest.admin.core;

import java.util.Map;
import java.util.Optional;

/** What a client asks for when it creates a topic; empty counts mean the broker's defaults. */
public record NewTopicSpec(String name, Optional<Integer> partitionsCount, Optional<Short> replicationFactor,
                           Map<String, String> configs, boolean validateOnly) {
}
