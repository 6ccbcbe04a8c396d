package io.kafkarest.connect.api;

import io.kafkarest.connect.core.WorkerUnavailableException;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.distributed.RebalanceNeededException;
import org.apache.kafka.connect.runtime.distributed.RequestTargetException;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;

/**
 * Connect's exceptions in the one error format, as Connect's own {@code ConnectExceptionMapper} maps them:
 * {@code ConnectRestException} keeps its status, unknown connector/task/logger is 404, an existing connector 409,
 * a rebalance (or a request no worker could take within two hops) 409, any other Connect failure 500 with its
 * message. A worker that is starting, failed or stopped ({@link WorkerUnavailableException}) is 503. Runs before
 * the generic Kafka mapper ({@code ConnectException} is a {@code KafkaException}).
 */
@Singleton
public class ConnectErrorMapper implements ErrorMapper, Ordered {

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public RestException map(Throwable failure) {
        if (failure instanceof WorkerUnavailableException e) {
            return new RestException(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage(), e);
        }
        if (failure instanceof ConnectRestException e) {
            return new RestException(ErrorCode.forStatus(e.statusCode()), e.getMessage(), e);
        }
        if (failure instanceof NotFoundException e) {
            return new RestException(ErrorCode.NOT_FOUND, e.getMessage(), e);
        }
        if (failure instanceof AlreadyExistsException e) {
            return new RestException(ErrorCode.CONFLICT, e.getMessage(), e);
        }
        if (failure instanceof RebalanceNeededException || failure instanceof RequestTargetException) {
            return new RestException(ErrorCode.CONFLICT, "Cannot complete request momentarily due to a worker "
                    + "rebalance or stale configuration: " + failure.getMessage(), failure);
        }
        if (failure instanceof WebApplicationException e) {
            return new RestException(ErrorCode.forStatus(e.getResponse().getStatus()), e.getMessage(), e);
        }
        if (failure instanceof ConnectException e) {
            return new RestException(ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()), e);
        }
        return null;
    }
}
