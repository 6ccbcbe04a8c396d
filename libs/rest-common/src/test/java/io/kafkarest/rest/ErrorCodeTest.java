package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, BAD_REQUEST", "401, UNAUTHORIZED", "403, FORBIDDEN", "404, NOT_FOUND", "405, METHOD_NOT_ALLOWED",
        "406, NOT_ACCEPTABLE", "409, CONFLICT", "413, REQUEST_TOO_LARGE", "415, UNSUPPORTED_MEDIA_TYPE",
        "422, UNPROCESSABLE_ENTITY", "500, INTERNAL_ERROR", "502, BAD_GATEWAY", "503, SERVICE_UNAVAILABLE",
        "504, GATEWAY_TIMEOUT",
    })
    void forStatusFindsTheGenericCode(int status, ErrorCode expected) {
        ErrorCode code = ErrorCode.forStatus(status);
        assertSame(expected, code);
        assertEquals(status, code.code());
        assertEquals(status, code.status().getCode());
    }

    @Test
    void forStatusFallsBackByClass() {
        assertSame(ErrorCode.BAD_REQUEST, ErrorCode.forStatus(418));
        assertSame(ErrorCode.BAD_REQUEST, ErrorCode.forStatus(429));
        assertSame(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(501));
        assertSame(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(599));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeRefinesItsStatus(ErrorCode code) {
        int status = code.status().getCode();
        assertTrue(code.code() == status || code.code() / 100 == status,
                code + ": code " + code.code() + " does not refine status " + status);
    }

    @Test
    void codesAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(seen.add(code.code()), "duplicate code " + code.code());
        }
    }

    @Test
    void documentedCodes() {
        assertEquals(40401, ErrorCode.TOPIC_NOT_FOUND.code());
        assertEquals(40402, ErrorCode.PARTITION_NOT_FOUND.code());
        assertEquals(40403, ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.code());
        assertEquals(40601, ErrorCode.CONSUMER_FORMAT_MISMATCH.code());
        assertEquals(40901, ErrorCode.CONSUMER_ALREADY_SUBSCRIBED.code());
        assertEquals(40902, ErrorCode.CONSUMER_ALREADY_EXISTS.code());
        assertEquals(40903, ErrorCode.CONSUMER_ILLEGAL_STATE.code());
        assertEquals(42204, ErrorCode.INVALID_CONSUMER_CONFIG.code());
        assertEquals(50002, ErrorCode.KAFKA_ERROR.code());
        assertEquals(50003, ErrorCode.KAFKA_RETRIABLE_ERROR.code());
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.KAFKA_RETRIABLE_ERROR.status());
    }

    @Test
    void exceptionCarriesCodeAndMessage() {
        RestException e = ErrorCode.TOPIC_NOT_FOUND.exception("Topic 't' not found.");
        assertSame(ErrorCode.TOPIC_NOT_FOUND, e.errorCode());
        assertEquals("Topic 't' not found.", e.getMessage());
        assertNull(e.getCause());
        assertEquals(new ErrorResponse(40401, "Topic 't' not found."), e.toResponse());
    }
}
