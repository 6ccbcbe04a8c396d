package io.kafkarest.rest;

/**
 * Maps a failure that is not already a {@link RestException} to one. Services contribute mappers (for example
 * for Kafka exceptions); {@link UnexpectedExceptionHandler} asks them in order and falls back to a 500.
 */
public interface ErrorMapper {
    /** The mapped exception, or {@code null} if this mapper does not know the failure. */
    RestException map(Throwable failure);
}
