package io.kafkarest.schema;

/**
 * A failed Schema Registry call; {@link Kind} says whose fault it is. Each service maps it to its own error kinds.
 */
public class SchemaRegistryException extends RuntimeException {

    public enum Kind {
        /** The registry answered and refused the request (400, 409, 422): the schema or request is at fault. */
        REFUSED,
        /** The registry cannot be reached, timed out, answered an error, or none is configured. */
        UNAVAILABLE
    }

    private final Kind kind;

    public SchemaRegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
