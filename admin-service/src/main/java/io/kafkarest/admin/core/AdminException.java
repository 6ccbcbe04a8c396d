package io.kafkarest.admin.core;

/** An admin failure a client should see, without HTTP: {@link Kind} says what was not found or wrong. */
public class AdminException extends RuntimeException {

    public enum Kind {
        /** The cluster id in the path is not this cluster's. */
        CLUSTER_NOT_FOUND,
        TOPIC_NOT_FOUND,
        PARTITION_NOT_FOUND,
        /** Any other resource: broker, config, replica, reassignment, consumer group, consumer, lag. */
        RESOURCE_NOT_FOUND
    }

    private final Kind kind;

    public AdminException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AdminException clusterNotFound(String clusterId) {
        return new AdminException(Kind.CLUSTER_NOT_FOUND, "Cluster " + clusterId + " cannot be found.");
    }

    public static AdminException topicNotFound(String topic) {
        return new AdminException(Kind.TOPIC_NOT_FOUND, "Topic '" + topic + "' not found.");
    }

    public static AdminException partitionNotFound(String topic, int partition) {
        return new AdminException(Kind.PARTITION_NOT_FOUND,
                "Partition " + partition + " of topic '" + topic + "' not found.");
    }

    /** {@code what} names the resource, e.g. "Broker 7" or "Consumer group 'g'". */
    public static AdminException notFound(String what) {
        return new AdminException(Kind.RESOURCE_NOT_FOUND, what + " not found.");
    }
}
