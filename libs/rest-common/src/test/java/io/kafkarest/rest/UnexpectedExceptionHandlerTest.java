package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micronaut.core.order.Ordered;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionHandlerTest {

    private record OrderedMapper(int order, ErrorCode code) implements ErrorMapper, Ordered {
        @Override
        public RestException map(Throwable failure) {
            return failure instanceof IllegalArgumentException ? code.exception(code.name()) : null;
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Test
    void unwrapsNestedFutureExceptions() {
        RestException cause = ErrorCode.CONFLICT.exception("c");
        Throwable wrapped = new CompletionException(new ExecutionException(new CompletionException(cause)));
        assertSame(cause, UnexpectedExceptionHandler.unwrap(wrapped));
        assertSame(cause, new UnexpectedExceptionHandler(List.of()).toRestException(wrapped));
    }

    @Test
    void unwrapStopsAtAWrapperWithoutCause() {
        CompletionException bare = new CompletionException("no cause", null);
        assertSame(bare, UnexpectedExceptionHandler.unwrap(bare));
    }

    @Test
    void mappersAreAskedInOrderAndTheFirstAnswerWins() {
        UnexpectedExceptionHandler handler = new UnexpectedExceptionHandler(List.of(
                new OrderedMapper(10, ErrorCode.CONFLICT), new OrderedMapper(-5, ErrorCode.UNPROCESSABLE_ENTITY)));
        assertSame(ErrorCode.UNPROCESSABLE_ENTITY,
                handler.toRestException(new CompletionException(new IllegalArgumentException("x"))).errorCode());
    }

    @Test
    void unknownFailuresBecomeA500NamingThem() {
        UnexpectedExceptionHandler handler = new UnexpectedExceptionHandler(List.of(new OrderedMapper(0, ErrorCode.CONFLICT)));
        RestException withMessage = handler.toRestException(new IllegalStateException("boom"));
        assertSame(ErrorCode.INTERNAL_ERROR, withMessage.errorCode());
        assertEquals("Internal server error: IllegalStateException: boom", withMessage.getMessage());
        assertEquals("Internal server error: NullPointerException",
                handler.toRestException(new NullPointerException()).getMessage());
    }
}
