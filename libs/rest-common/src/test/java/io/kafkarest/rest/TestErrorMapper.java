package io.kafkarest.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Maps {@link ErrorPipelineTestController.MappedFailure} the way a service's mapper would (test sources only). */
@Requires(env = Environment.TEST)
@Singleton
class TestErrorMapper implements ErrorMapper {
    @Override
    public RestException map(Throwable failure) {
        if (failure instanceof ErrorPipelineTestController.MappedFailure f) {
            return new RestException(ErrorCode.UNPROCESSABLE_ENTITY, "Mapped: " + f.getMessage(), f);
        }
        return null;
    }
}
