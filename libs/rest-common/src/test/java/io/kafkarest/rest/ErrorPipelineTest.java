package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error pipeline end to end: every failure comes out as {@code {"error_code", "message"}}. */
@MicronautTest
class ErrorPipelineTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** Asserts the status and the error body, and returns the message. */
    private String assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type of " + response.body() + ": " + response.headers().firstValue("Content-Type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        assertEquals(java.util.Set.of("error_code", "message"), body.keySet(), response.body());
        assertEquals(errorCode, ((Number) body.get("error_code")).intValue(), response.body());
        assertTrue(body.get("message") instanceof String s && !s.isBlank(), response.body());
        return (String) body.get("message");
    }

    @Test
    void restExceptionKeepsStatusCodeAndMessage() throws Exception {
        assertEquals("Topic 'missing' not found.", assertError(get("/pipeline/rest"), 404, 40401));
    }

    @Test
    void serverSideRestException() throws Exception {
        assertEquals("Retriable Kafka error: try again", assertError(get("/pipeline/rest-5xx"), 500, 50003));
    }

    @Test
    void unexpectedExceptionIsA500NamingIt() throws Exception {
        String message = assertError(get("/pipeline/unexpected"), 500, 500);
        assertTrue(message.contains("IllegalStateException") && message.contains("boom"), message);
    }

    @Test
    void wrappedRestExceptionIsUnwrapped() throws Exception {
        assertEquals("exists", assertError(get("/pipeline/wrapped"), 409, 40902));
    }

    @Test
    void errorMapperBeansAreAsked() throws Exception {
        assertEquals("Mapped: mapped by the test mapper", assertError(get("/pipeline/mapped"), 422, 422));
    }

    @Test
    void futureFailedWithRestException() throws Exception {
        assertEquals("Partition 7 not found.", assertError(get("/pipeline/future"), 404, 40402));
    }

    @Test
    void futureFailingAsynchronouslyWithRestException() throws Exception {
        assertEquals("Consumer instance not found.", assertError(get("/pipeline/future-async"), 404, 40403));
    }

    @Test
    void futureFailedWithUnexpectedException() throws Exception {
        String message = assertError(get("/pipeline/future-unexpected"), 500, 500);
        assertTrue(message.contains("UnsupportedOperationException") && message.contains("nope"), message);
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertError(get("/pipeline/no-such-route"), 404, 404);
        assertError(get("/nothing/here/at/all"), 404, 404);
    }

    @Test
    void wrongMethodIs405() throws Exception {
        String message = assertError(send("POST", "/pipeline/get-only", "application/json", "{}"), 405, 405);
        assertTrue(message.contains("POST") && message.contains("not allowed"), message);
        assertError(send("DELETE", "/pipeline/get-only", null, null), 405, 405);
    }

    @Test
    void unsupportedContentTypeIs415() throws Exception {
        String message = assertError(send("POST", "/pipeline/echo", "text/plain", "hello"), 415, 415);
        assertTrue(message.contains("text/plain"), message);
        assertError(send("POST", "/pipeline/echo", "application/xml", "<a/>"), 415, 415);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String message = assertError(send("POST", "/pipeline/echo", "application/json", "{\"name\": \"x\", "), 400, 400);
        assertTrue(message.contains("JSON"), message);
        assertError(send("POST", "/pipeline/echo", "application/json", "not json at all"), 400, 400);
    }

    @Test
    void wronglyTypedJsonIs400() throws Exception {
        assertError(send("POST", "/pipeline/echo", "application/json", "{\"name\": \"x\", \"count\": \"many\"}"),
                400, 400);
    }

    @Test
    void wellFormedRequestStillWorks() throws Exception {
        HttpResponse<String> response = send("POST", "/pipeline/echo", "application/json", "{\"name\":\"x\",\"count\":2}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("name", "x", "count", 2), json.readValue(response.body(), Map.class));
        assertEquals(200, get("/pipeline/get-only").statusCode());
    }

    @Test
    void externalUrlOfARealServerRequest() throws Exception {
        assertEquals("http://localhost:" + server.getPort(), get("/pipeline/url").body());
        HttpResponse<String> forwarded = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/pipeline/url"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gw.example.com")
                .header("X-Forwarded-Port", "8443").header("X-Forwarded-Prefix", "/kafka").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("https://gw.example.com:8443/kafka", forwarded.body());
    }
}
