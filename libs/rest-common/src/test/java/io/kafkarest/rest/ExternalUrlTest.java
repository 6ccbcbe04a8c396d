package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

class ExternalUrlTest {

    private static MutableHttpRequest<?> get(String... headers) {
        MutableHttpRequest<?> request = HttpRequest.GET("/v3/clusters");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void plainHostHeader() {
        assertEquals("http://api.example.com:8080", ExternalUrl.of(get(HttpHeaders.HOST, "api.example.com:8080")));
        assertEquals("http://api.example.com", ExternalUrl.of(get(HttpHeaders.HOST, "api.example.com")));
    }

    @Test
    void forwardedWithProtoAndHost() {
        assertEquals("https://gw.example.com",
                ExternalUrl.of(get("Forwarded", "for=192.0.2.60;proto=https;host=gw.example.com",
                        HttpHeaders.HOST, "produce-service:8082")));
    }

    @Test
    void forwardedQuotedHostWithPortAndCaseInsensitiveNames() {
        assertEquals("https://gw.example.com:8443",
                ExternalUrl.of(get("Forwarded", "For=\"[2001:db8::1]\";Proto=HTTPS;Host=\"gw.example.com:8443\"")));
    }

    @Test
    void forwardedUsesTheFirstElement() {
        assertEquals("https://first.example.com",
                ExternalUrl.of(get("Forwarded",
                        "proto=https;host=first.example.com, proto=http;host=second.example.com")));
    }

    @Test
    void forwardedWinsOverXForwarded() {
        assertEquals("https://gw.example.com",
                ExternalUrl.of(get("Forwarded", "proto=https;host=gw.example.com",
                        "X-Forwarded-Proto", "http", "X-Forwarded-Host", "other.example.com",
                        "X-Forwarded-Port", "9999", HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void forwardedWithoutProtoOrHostFallsBackPerPart() {
        // only "for": host and proto come from the next sources
        assertEquals("http://internal:8082", ExternalUrl.of(get("Forwarded", "for=192.0.2.60",
                HttpHeaders.HOST, "internal:8082")));
        // proto from Forwarded, host from X-Forwarded-Host
        assertEquals("https://xf.example.com", ExternalUrl.of(get("Forwarded", "proto=https",
                "X-Forwarded-Host", "xf.example.com", HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void forwardedIgnoresLookalikeParameters() {
        assertEquals("http://internal:8082", ExternalUrl.of(get("Forwarded", "for=a;xhost=evil.example.com;myproto=https",
                HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void xForwardedProtoHostAndPort() {
        assertEquals("https://gw.example.com:8443",
                ExternalUrl.of(get("X-Forwarded-Proto", "https", "X-Forwarded-Host", "gw.example.com",
                        "X-Forwarded-Port", "8443", HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void xForwardedHostWithPortIgnoresXForwardedPort() {
        assertEquals("http://gw.example.com:8080",
                ExternalUrl.of(get("X-Forwarded-Host", "gw.example.com:8080", "X-Forwarded-Port", "9999")));
    }

    @Test
    void xForwardedPortAppliesToABracketedIpv6Host() {
        assertEquals("http://[::1]:8080", ExternalUrl.of(get("X-Forwarded-Host", "[::1]", "X-Forwarded-Port", "8080")));
        assertEquals("http://[::1]:8080", ExternalUrl.of(get("X-Forwarded-Host", "[::1]:8080", "X-Forwarded-Port", "9")));
    }

    @Test
    void xForwardedListsUseTheFirstValue() {
        assertEquals("https://a.example.com",
                ExternalUrl.of(get("X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "a.example.com, b.internal")));
    }

    @Test
    void xForwardedHostWinsOverHost() {
        assertEquals("http://gw.example.com", ExternalUrl.of(get("X-Forwarded-Host", "gw.example.com",
                HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void xForwardedProtoAloneKeepsTheHostHeader() {
        assertEquals("https://internal:8082", ExternalUrl.of(get("X-Forwarded-Proto", "HTTPS",
                HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void xForwardedPortWithoutXForwardedHostIsIgnored() {
        assertEquals("http://internal:8082", ExternalUrl.of(get("X-Forwarded-Port", "443",
                HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void xForwardedPrefix() {
        assertEquals("https://gw.example.com/kafka",
                ExternalUrl.of(get("X-Forwarded-Proto", "https", "X-Forwarded-Host", "gw.example.com",
                        "X-Forwarded-Prefix", "/kafka")));
        assertEquals("http://h:1/kafka", ExternalUrl.of(get(HttpHeaders.HOST, "h:1", "X-Forwarded-Prefix", "kafka/")));
        assertEquals("http://h:1", ExternalUrl.of(get(HttpHeaders.HOST, "h:1", "X-Forwarded-Prefix", "/")));
        assertEquals("http://h:1", ExternalUrl.of(get(HttpHeaders.HOST, "h:1", "X-Forwarded-Prefix", "")));
        assertEquals("https://gw/rest", ExternalUrl.of(get("Forwarded", "proto=https;host=gw",
                "X-Forwarded-Prefix", "/rest")));
    }

    @Test
    void blankHeadersAreIgnored() {
        assertEquals("http://internal:8082", ExternalUrl.of(get("X-Forwarded-Host", "", "X-Forwarded-Proto", "",
                HttpHeaders.HOST, "internal:8082")));
    }

    @Test
    void requestWithoutHeadersDoesNotFail() {
        String url = ExternalUrl.of(HttpRequest.GET("/v3/clusters"));
        assertEquals(true, url.startsWith("http://"), url);
        assertEquals(false, url.endsWith("/"), url);
    }

    @Test
    void absoluteRequestUriWithoutHeadersUsesItsAuthority() {
        assertEquals("https://h.example.com:9443", ExternalUrl.of(HttpRequest.GET("https://h.example.com:9443/v3/x")));
        assertEquals("http://h.example.com", ExternalUrl.of(HttpRequest.GET("http://h.example.com/v3/x")));
    }
}
