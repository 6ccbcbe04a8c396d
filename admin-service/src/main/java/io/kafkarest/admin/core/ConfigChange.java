package io.kafkarest.admin.core;

import java.util.Objects;

/** Set a config to a value, or delete it (back to its default). */
public record ConfigChange(String name, Operation operation, String value) {

    public enum Operation { SET, DELETE }

    public ConfigChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        if (operation == Operation.SET) {
            Objects.requireNonNull(value, "value");
        }
    }

    public static ConfigChange set(String name, String value) {
        return new ConfigChange(name, Operation.SET, value);
    }

    public static ConfigChange delete(String name) {
        return new ConfigChange(name, Operation.DELETE, null);
    }
}
