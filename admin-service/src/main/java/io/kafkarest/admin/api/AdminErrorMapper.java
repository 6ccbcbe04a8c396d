package io.kafkarest.admin.api;

import io.kafkarest.admin.core.AdminException;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import jakarta.inject.Singleton;

/** Maps admin failures to the REST error codes of Confluent's proxy (all API versions). */
@Singleton
public class AdminErrorMapper implements ErrorMapper {

    @Override
    public RestException map(Throwable failure) {
        if (!(failure instanceof AdminException e)) {
            return null;
        }
        ErrorCode code = switch (e.kind()) {
            case TOPIC_NOT_FOUND -> ErrorCode.TOPIC_NOT_FOUND;
            case PARTITION_NOT_FOUND -> ErrorCode.PARTITION_NOT_FOUND;
            case CLUSTER_NOT_FOUND, RESOURCE_NOT_FOUND -> ErrorCode.NOT_FOUND;
        };
        return new RestException(code, e.getMessage(), e);
    }
}
