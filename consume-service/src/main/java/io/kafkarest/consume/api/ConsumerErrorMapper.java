package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import jakarta.inject.Singleton;

/** Maps consumer failures to the REST error codes of Confluent's proxy. */
@Singleton
public class ConsumerErrorMapper implements ErrorMapper {

    @Override
    public RestException map(Throwable failure) {
        if (!(failure instanceof ConsumerException e)) {
            return null;
        }
        ErrorCode code = switch (e.kind()) {
            case INSTANCE_NOT_FOUND -> ErrorCode.CONSUMER_INSTANCE_NOT_FOUND;
            case INSTANCE_EXISTS -> ErrorCode.CONSUMER_ALREADY_EXISTS;
            case INVALID_CONFIG -> ErrorCode.INVALID_CONSUMER_CONFIG;
            case ALREADY_SUBSCRIBED -> ErrorCode.CONSUMER_ALREADY_SUBSCRIBED;
            case ILLEGAL_STATE -> ErrorCode.CONSUMER_ILLEGAL_STATE;
            case TOPIC_NOT_FOUND -> ErrorCode.TOPIC_NOT_FOUND;
            case PARTITION_NOT_FOUND -> ErrorCode.PARTITION_NOT_FOUND;
            case OFFSET_OUT_OF_RANGE -> ErrorCode.UNPROCESSABLE_ENTITY;
            case DESERIALIZATION_FAILED -> ErrorCode.KAFKA_ERROR;
            case REGISTRY_UNAVAILABLE -> ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE;
        };
        return new RestException(code, e.getMessage(), e);
    }
}
