package io.kafkarest.produce.core;

/** A produce failure a client should see; {@link Kind} says which. Core code never speaks HTTP. */
public class ProduceException extends RuntimeException {

    public enum Kind {
        /** The topic does not exist. */
        TOPIC_NOT_FOUND,
        /** The partition does not exist in the topic. */
        PARTITION_NOT_FOUND,
        /** Keys are given in a schema format but no key schema is. */
        KEY_SCHEMA_MISSING,
        /** Values are given in a schema format but no value schema is. */
        VALUE_SCHEMA_MISSING,
        /** The schema does not parse, is not registered, or the registry refuses it; the message says which. */
        INVALID_SCHEMA,
        /** A key or value does not match its format or schema; the message names the record and field. */
        INVALID_DATA,
        /** A request that cannot be produced as a whole (e.g. a records:batch with duplicate ids). */
        INVALID_BATCH,
        /** The Schema Registry cannot be reached or failed. */
        REGISTRY_UNAVAILABLE
    }

    private final Kind kind;

    public ProduceException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ProduceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ProduceException topicNotFound(String topic) {
        return new ProduceException(Kind.TOPIC_NOT_FOUND, "Topic " + topic + " not found.");
    }

    public static ProduceException partitionNotFound(String topic, int partition) {
        return new ProduceException(Kind.PARTITION_NOT_FOUND,
                "Partition " + partition + " of topic " + topic + " not found.");
    }

    public static ProduceException invalidData(String field, String problem) {
        return new ProduceException(Kind.INVALID_DATA, field + " " + problem);
    }
}
