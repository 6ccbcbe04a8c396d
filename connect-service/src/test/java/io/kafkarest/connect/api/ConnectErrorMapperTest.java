package io.kafkarest.connect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.connect.core.WorkerUnavailableException;
import io.kafkarest.kafka.KafkaErrorMapper;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import io.kafkarest.rest.UnexpectedExceptionHandler;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.distributed.NotLeaderException;
import org.apache.kafka.connect.runtime.distributed.RebalanceNeededException;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.junit.jupiter.api.Test;

class ConnectErrorMapperTest {
    private final ConnectErrorMapper mapper = new ConnectErrorMapper();

    @Test
    void connectRestExceptionsKeepTheirStatus() {
        assertMapped(ErrorCode.BAD_REQUEST, "bad config", new BadRequestException("bad config"));
        assertMapped(ErrorCode.CONFLICT, "rebalancing", new ConnectRestException(409, "rebalancing"));
        assertMapped(ErrorCode.FORBIDDEN, "Topic tracking is disabled.",
                new ConnectRestException(403, "Topic tracking is disabled."));
        assertMapped(ErrorCode.UNPROCESSABLE_ENTITY, "config may not be empty",
                new ConnectRestException(422, "config may not be empty"));
    }

    @Test
    void connectExceptionsMapAsConnectsExceptionMapperDoes() {
        assertMapped(ErrorCode.NOT_FOUND, "Connector x not found", new NotFoundException("Connector x not found"));
        assertMapped(ErrorCode.CONFLICT, "Connector x already exists",
                new AlreadyExistsException("Connector x already exists"));
        assertEquals(ErrorCode.CONFLICT, mapper.map(new RebalanceNeededException("stale")).errorCode());
        assertEquals(ErrorCode.CONFLICT, mapper.map(new NotLeaderException("not leader", null)).errorCode());
        assertMapped(ErrorCode.INTERNAL_ERROR, "worker broke", new ConnectException("worker broke"));
        assertNull(mapper.map(new IllegalStateException("not Connect's")));
    }

    @Test
    void anUnavailableWorkerIs503() {
        assertMapped(ErrorCode.SERVICE_UNAVAILABLE, "The Kafka Connect worker is starting",
                new WorkerUnavailableException("The Kafka Connect worker is starting"));
    }

    @Test
    void winsOverTheGenericKafkaMapperInTheSharedPipeline() {
        UnexpectedExceptionHandler pipeline = new UnexpectedExceptionHandler(List.of(new KafkaErrorMapper(), mapper));

        RestException mapped = pipeline.toRestException(
                new ExecutionException(new NotFoundException("Connector y not found")));

        assertEquals(ErrorCode.NOT_FOUND, mapped.errorCode());
        assertEquals(404, mapped.toResponse().errorCode());
        assertTrue(mapped.getMessage().contains("Connector y"));
    }

    private void assertMapped(ErrorCode code, String message, Throwable failure) {
        RestException mapped = mapper.map(failure);
        assertEquals(code, mapped.errorCode(), failure.toString());
        assertEquals(message, mapped.getMessage());
        assertEquals(code.status().getCode(), mapped.toResponse().errorCode());
    }
}
