package io.kafkarest.rest;

import io.micronaut.http.HttpStatus;

/**
 * Every error code the APIs return, with its HTTP status. Codes follow Confluent REST Proxy: a five-digit
 * code refines a status (40401 = 404, topic not found); generic errors use the plain status as the code.
 */
public enum ErrorCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST, 400),
    /** Kafka refused the request as invalid: topic exists, bad partitions or replication factor, bad config... */
    KAFKA_BAD_REQUEST(HttpStatus.BAD_REQUEST, 40002),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, 401),
    KAFKA_AUTHENTICATION_ERROR(HttpStatus.UNAUTHORIZED, 40101),
    FORBIDDEN(HttpStatus.FORBIDDEN, 403),
    KAFKA_AUTHORIZATION_ERROR(HttpStatus.FORBIDDEN, 40301),
    NOT_FOUND(HttpStatus.NOT_FOUND, 404),
    TOPIC_NOT_FOUND(HttpStatus.NOT_FOUND, 40401),
    PARTITION_NOT_FOUND(HttpStatus.NOT_FOUND, 40402),
    CONSUMER_INSTANCE_NOT_FOUND(HttpStatus.NOT_FOUND, 40403),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, 405),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, 406),
    CONSUMER_FORMAT_MISMATCH(HttpStatus.NOT_ACCEPTABLE, 40601),
    CONFLICT(HttpStatus.CONFLICT, 409),
    CONSUMER_ALREADY_SUBSCRIBED(HttpStatus.CONFLICT, 40901),
    CONSUMER_ALREADY_EXISTS(HttpStatus.CONFLICT, 40902),
    /** The consumer instance's state does not allow the operation (e.g. subscribe while partitions are assigned). */
    CONSUMER_ILLEGAL_STATE(HttpStatus.CONFLICT, 40903),
    REQUEST_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, 413),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 415),
    UNPROCESSABLE_ENTITY(HttpStatus.UNPROCESSABLE_ENTITY, 422),
    KEY_SCHEMA_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, 42201),
    VALUE_SCHEMA_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, 42202),
    INVALID_PAYLOAD(HttpStatus.UNPROCESSABLE_ENTITY, 42203),
    INVALID_CONSUMER_CONFIG(HttpStatus.UNPROCESSABLE_ENTITY, 42204),
    /** A schema that does not parse, is not in the registry, or that the registry refuses (incompatible). */
    INVALID_SCHEMA(HttpStatus.UNPROCESSABLE_ENTITY, 42205),
    /** A v3 records:batch request that is empty, too large or has duplicate entry ids. */
    INVALID_PRODUCE_BATCH(HttpStatus.UNPROCESSABLE_ENTITY, 42208),
    /** Kafka throttled the request (quota exceeded). */
    KAFKA_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, 42901),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 500),
    KAFKA_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 50002),
    KAFKA_RETRIABLE_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 50003),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, 502),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 503),
    /** The Schema Registry could not be reached or answered with a server error. */
    SCHEMA_REGISTRY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 50301),
    KAFKA_BROKER_NOT_AVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 50302),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, 504);

    private final HttpStatus status;
    private final int code;

    ErrorCode(HttpStatus status, int code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }

    /** The generic code for a status that has no refined code of its own (e.g. 404 for a missing route). */
    public static ErrorCode forStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.code == status) {
                return c;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }

    public RestException exception(String message) {
        return new RestException(this, message);
    }
}
