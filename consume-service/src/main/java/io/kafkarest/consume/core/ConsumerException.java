package io.kafkarest.consume.core;

/** A consumer-instance failure a client should see; {@link Kind} says which. */
public class ConsumerException extends RuntimeException {

    public enum Kind {
        /** No such instance on this node (never created, deleted or expired). */
        INSTANCE_NOT_FOUND,
        /** An instance with this id already exists in the group on this node. */
        INSTANCE_EXISTS,
        /** A create setting has an invalid value; the message names it. */
        INVALID_CONFIG,
        /** The consumer is already subscribed to other topics (v1 read from a topic). */
        ALREADY_SUBSCRIBED,
        /** The operation does not fit the consumer's state (e.g. read before subscribe, seek an unassigned partition). */
        ILLEGAL_STATE,
        /** The topic does not exist. */
        TOPIC_NOT_FOUND,
        /** The partition does not exist. */
        PARTITION_NOT_FOUND,
        /** A read by offset names an offset before the partition's first record or past its end. */
        OFFSET_OUT_OF_RANGE,
        /**
         * A record cannot be read in the consumer's format (not JSON, not in the Schema Registry's wire format, an
         * unknown schema id, a payload that does not match its schema); the message names topic/partition/offset.
         */
        DESERIALIZATION_FAILED,
        /** The Schema Registry cannot be reached, failed, or none is configured; the message names it. */
        REGISTRY_UNAVAILABLE
    }

    private final Kind kind;

    public ConsumerException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ConsumerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ConsumerException notFound(ConsumerInstanceId id) {
        return new ConsumerException(Kind.INSTANCE_NOT_FOUND,
                "Consumer instance not found: instance '" + id.instance() + "' of group '" + id.group() + "'");
    }

    public static ConsumerException alreadyExists(ConsumerInstanceId id) {
        return new ConsumerException(Kind.INSTANCE_EXISTS,
                "Consumer instance with the specified name already exists: instance '" + id.instance()
                        + "' of group '" + id.group() + "'");
    }

    public static ConsumerException invalidConfig(String message) {
        return new ConsumerException(Kind.INVALID_CONFIG, "Invalid consumer configuration: " + message);
    }
}
