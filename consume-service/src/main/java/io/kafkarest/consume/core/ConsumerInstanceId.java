package io.kafkarest.consume.core;

import java.util.Objects;

/** Names a consumer instance: its consumer group and its instance id within the group. */
public record ConsumerInstanceId(String group, String instance) {
    public ConsumerInstanceId {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
    }

    @Override
    public String toString() {
        return group + "/" + instance;
    }
}
