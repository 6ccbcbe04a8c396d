package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.RestException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

class ConsumerMediaTypesTest {

    @Test
    void apiVersionFollowsContentTypeThenAccept() {
        assertEquals(2, ConsumerMediaTypes.apiVersion(HttpRequest.POST("/", "")));
        assertEquals(1, ConsumerMediaTypes.apiVersion(HttpRequest.POST("/", "")
                .contentType("application/vnd.kafka.v1+json")));
        assertEquals(1, ConsumerMediaTypes.apiVersion(HttpRequest.GET("/")
                .header("Accept", "application/vnd.kafka.v1+json, application/vnd.kafka+json, application/json")));
        assertEquals(2, ConsumerMediaTypes.apiVersion(HttpRequest.GET("/")
                .header("Accept", "application/vnd.kafka+json, application/vnd.kafka.v2+json, application/vnd.kafka.v1+json")));
        assertEquals("application/vnd.kafka.v1+json", ConsumerMediaTypes.responseType(HttpRequest.GET("/")
                .header("Accept", "application/vnd.kafka.binary.v1+json")));
    }

    @Test
    void recordsTypeNegotiatesTheInstanceFormat() {
        assertEquals("application/vnd.kafka.binary.v2+json", records(null, EmbeddedFormat.BINARY, 2));
        assertEquals("application/vnd.kafka.json.v2+json", records("*/*", EmbeddedFormat.JSON, 2));
        assertEquals("application/vnd.kafka.binary.v2+json", records("application/vnd.kafka.v2+json", EmbeddedFormat.BINARY, 2));
        assertEquals("application/vnd.kafka.binary.v2+json", records("application/json", EmbeddedFormat.BINARY, 2));
        assertEquals("application/vnd.kafka.json.v1+json",
                records("text/html, application/vnd.kafka.json.v1+json", EmbeddedFormat.JSON, 1));
        assertEquals("application/vnd.kafka.json.v2+json", records(
                "application/vnd.kafka.binary.v2+json;q=0.9, application/vnd.kafka.json.v2+json;q=0.5",
                EmbeddedFormat.JSON, 2));
    }

    @Test
    void formatMismatchIs40601() {
        RestException e = assertThrows(RestException.class,
                () -> records("application/vnd.kafka.binary.v2+json", EmbeddedFormat.JSON, 2));
        assertEquals(40601, e.errorCode().code());
        assertThrows(RestException.class, () -> records("application/vnd.kafka.json.v2+json;q=0", EmbeddedFormat.JSON, 2));
        assertThrows(RestException.class, () -> records("application/json", EmbeddedFormat.JSON, 2));
    }

    private static String records(String accept, EmbeddedFormat format, int version) {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        if (accept != null) {
            request.header("Accept", accept);
        }
        return ConsumerMediaTypes.recordsType(request, format, version);
    }
}
