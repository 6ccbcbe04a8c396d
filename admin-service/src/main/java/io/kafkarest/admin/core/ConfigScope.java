package io.kafkarest.admin.core;

/**
 * Whose configs: one topic's, one broker's, or the cluster-wide broker defaults (Kafka's broker resource with an
 * empty name).
 */
public record ConfigScope(Type type, String name) {

    public enum Type { TOPIC, BROKER, CLUSTER }

    public static ConfigScope topic(String topic) {
        return new ConfigScope(Type.TOPIC, topic);
    }

    public static ConfigScope broker(int brokerId) {
        return new ConfigScope(Type.BROKER, String.valueOf(brokerId));
    }

    public static ConfigScope cluster() {
        return new ConfigScope(Type.CLUSTER, "");
    }

    /** For messages: "topic 't'", "broker 1", "the cluster". */
    public String describe() {
        return switch (type) {
            case TOPIC -> "topic '" + name + "'";
            case BROKER -> "broker " + name;
            case CLUSTER -> "the cluster";
        };
    }
}
