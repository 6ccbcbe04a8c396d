package io.kafkarest.produce.api;

import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import jakarta.inject.Singleton;

/** Maps produce failures to the REST error codes of Confluent's proxy. */
@Singleton
public class ProduceErrorMapper implements ErrorMapper {

    @Override
    public RestException map(Throwable failure) {
        if (!(failure instanceof ProduceException e)) {
            return null;
        }
        ErrorCode code = switch (e.kind()) {
            case TOPIC_NOT_FOUND -> ErrorCode.TOPIC_NOT_FOUND;
            case PARTITION_NOT_FOUND -> ErrorCode.PARTITION_NOT_FOUND;
            case KEY_SCHEMA_MISSING -> ErrorCode.KEY_SCHEMA_MISSING;
            case VALUE_SCHEMA_MISSING -> ErrorCode.VALUE_SCHEMA_MISSING;
            case INVALID_SCHEMA -> ErrorCode.INVALID_SCHEMA;
            case INVALID_DATA -> ErrorCode.UNPROCESSABLE_ENTITY;
            case INVALID_BATCH -> ErrorCode.INVALID_PRODUCE_BATCH;
            case REGISTRY_UNAVAILABLE -> ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE;
        };
        return new RestException(code, e.getMessage(), e);
    }
}
