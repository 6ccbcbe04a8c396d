package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.core.RouteMatch;
import io.kafkarest.gateway.core.RouteTable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Which requests the gateway sends again to another replica after the first could not be reached. */
class RetryPolicyTest {
    private static final RouteTable ROUTES = RouteTable.standard();

    @Test
    void onlyIdempotentRequestsWithoutABodyAreRetried() {
        assertTrue(canRetry(HttpRequest.GET("/brokers")));
        assertTrue(canRetry(HttpRequest.HEAD("/brokers")));
        assertTrue(canRetry(HttpRequest.DELETE("/connectors/c")));
        assertTrue(canRetry(HttpRequest.PUT("/connectors/c/pause", "")));
        assertFalse(canRetry(HttpRequest.POST("/topics/t", "{}")), "not idempotent");
        assertFalse(canRetry(HttpRequest.PUT("/connectors/c/config", "{}")
                .header(HttpHeaders.CONTENT_LENGTH, "2")), "a body");
        assertFalse(canRetry(HttpRequest.DELETE("/connectors/c")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")), "a streamed body");
    }

    @Test
    void consumerInstanceRequestsStayWithTheirOwner() {
        assertFalse(canRetry(HttpRequest.GET("/consumers/g/instances/i/records")), "only the owner has it");
        assertFalse(canRetry(HttpRequest.DELETE("/consumers/g/instances/i")), "only the owner has it");
    }

    private static boolean canRetry(HttpRequest<?> request) {
        RouteMatch route = ROUTES.match(request.getMethodName(), request.getPath()).orElseThrow();
        return GatewayFilter.canRetry(request, route);
    }
}
