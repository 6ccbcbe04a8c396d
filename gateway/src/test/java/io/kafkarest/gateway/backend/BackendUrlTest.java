package io.kafkarest.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendUrlTest {

    @Test
    void parsesCommaSeparatedLists() {
        List<BackendUrl> urls = BackendUrl.parseAll(List.of(" http://produce-service:8082, https://p2/ ,,", "p3:9"));
        assertEquals(List.of(
                new BackendUrl("http", "produce-service", 8082, ""),
                new BackendUrl("https", "p2", 443, ""),
                new BackendUrl("http", "p3", 9, "")), urls);
        assertEquals(new BackendUrl("http", "::1", 8083, "/base"), BackendUrl.parse("http://[::1]:8083/base/"));
        assertEquals(List.of(), BackendUrl.parseAll(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> BackendUrl.parse("ftp://x:1"));
    }

    @Test
    void classifiesFailures() {
        assertEquals(BackendFailure.CONNECTION_REFUSED,
                BackendFailure.of(new RuntimeException("Connect Error", new ConnectException("Connection refused"))));
        assertEquals(BackendFailure.READ_TIMEOUT,
                BackendFailure.of(io.micronaut.http.client.exceptions.ReadTimeoutException.TIMEOUT_EXCEPTION));
        assertEquals(BackendFailure.UNRESOLVABLE,
                BackendFailure.of(new RuntimeException(new java.net.UnknownHostException("x.invalid"))));
        assertEquals(BackendFailure.CONNECT_TIMEOUT,
                BackendFailure.of(new RuntimeException(new io.netty.channel.ConnectTimeoutException("slow"))));
        assertEquals(BackendFailure.OTHER, BackendFailure.of(new IllegalStateException("closed")));
    }
}
