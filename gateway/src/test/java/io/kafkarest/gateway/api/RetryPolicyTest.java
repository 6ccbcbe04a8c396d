package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Which requests the gateway sends again to another replica after the first could not be reached. */
class RetryPolicyTest {

    @Test
    void onlyIdempotentRequestsWithoutABodyAreRetried() {
        assertTrue(GatewayFilter.canRetry(HttpRequest.GET("/brokers")));
        assertTrue(GatewayFilter.canRetry(HttpRequest.HEAD("/brokers")));
        assertTrue(GatewayFilter.canRetry(HttpRequest.DELETE("/connectors/c")));
        assertTrue(GatewayFilter.canRetry(HttpRequest.PUT("/connectors/c/pause", "")));
        assertFalse(GatewayFilter.canRetry(HttpRequest.POST("/topics/t", "{}")), "not idempotent");
        assertFalse(GatewayFilter.canRetry(HttpRequest.PUT("/connectors/c/config", "{}")
                .header(HttpHeaders.CONTENT_LENGTH, "2")), "a body");
        assertFalse(GatewayFilter.canRetry(HttpRequest.DELETE("/x")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")), "a streamed body");
    }
}
