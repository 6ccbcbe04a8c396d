package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error pipeline end to end: every failure comes out as {@code {"error_code", "message"}}. */
@MicronautTest
class ErrorPipelineTest {
    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private TestHttp http() {
        return TestHttp.to(server.getURL().toString()).withTimeout(Duration.ofSeconds(10));
    }

    /** Asserts the status and the error body, and returns the message. */
    private String assertError(TestHttp.Reply response, int status, int errorCode) throws IOException {
        assertEquals(status, response.status(), response.body());
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
        assertEquals("Topic 'missing' not found.", assertError(http().get("/pipeline/rest"), 404, 40401));
    }

    @Test
    void serverSideRestException() throws Exception {
        assertEquals("Retriable Kafka error: try again", assertError(http().get("/pipeline/rest-5xx"), 500, 50003));
    }

    @Test
    void unexpectedExceptionIsA500NamingIt() throws Exception {
        String message = assertError(http().get("/pipeline/unexpected"), 500, 500);
        assertTrue(message.contains("IllegalStateException") && message.contains("boom"), message);
    }

    @Test
    void wrappedRestExceptionIsUnwrapped() throws Exception {
        assertEquals("exists", assertError(http().get("/pipeline/wrapped"), 409, 40902));
    }

    @Test
    void errorMapperBeansAreAsked() throws Exception {
        assertEquals("Mapped: mapped by the test mapper", assertError(http().get("/pipeline/mapped"), 422, 422));
    }

    @Test
    void futureFailedWithRestException() throws Exception {
        assertEquals("Partition 7 not found.", assertError(http().get("/pipeline/future"), 404, 40402));
    }

    @Test
    void futureFailingAsynchronouslyWithRestException() throws Exception {
        assertEquals("Consumer instance not found.", assertError(http().get("/pipeline/future-async"), 404, 40403));
    }

    @Test
    void futureFailedWithUnexpectedException() throws Exception {
        String message = assertError(http().get("/pipeline/future-unexpected"), 500, 500);
        assertTrue(message.contains("UnsupportedOperationException") && message.contains("nope"), message);
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertError(http().get("/pipeline/no-such-route"), 404, 404);
        assertError(http().get("/nothing/here/at/all"), 404, 404);
    }

    @Test
    void wrongMethodIs405() throws Exception {
        String message = assertError(http().post("/pipeline/get-only", "{}", "Content-Type", "application/json"), 405,
                405);
        assertTrue(message.contains("POST") && message.contains("not allowed"), message);
        assertError(http().delete("/pipeline/get-only"), 405, 405);
    }

    @Test
    void unsupportedContentTypeIs415() throws Exception {
        String message = assertError(http().post("/pipeline/echo", "hello", "Content-Type", "text/plain"), 415, 415);
        assertTrue(message.contains("text/plain"), message);
        assertError(http().post("/pipeline/echo", "<a/>", "Content-Type", "application/xml"), 415, 415);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String message = assertError(http().post("/pipeline/echo", "{\"name\": \"x\", ", "Content-Type",
                "application/json"), 400, 400);
        assertTrue(message.contains("JSON"), message);
        assertError(http().post("/pipeline/echo", "not json at all", "Content-Type", "application/json"), 400, 400);
    }

    @Test
    void wronglyTypedJsonIs400() throws Exception {
        assertError(http().post("/pipeline/echo", "{\"name\": \"x\", \"count\": \"many\"}", "Content-Type",
                "application/json"),
                400, 400);
    }

    @Test
    void wellFormedRequestStillWorks() throws Exception {
        TestHttp.Reply response = http().post("/pipeline/echo", "{\"name\":\"x\",\"count\":2}", "Content-Type",
                "application/json");
        assertEquals(200, response.status(), response.body());
        assertEquals(Map.of("name", "x", "count", 2), json.readValue(response.body(), Map.class));
        assertEquals(200, http().get("/pipeline/get-only").status());
    }

    @Test
    void externalUrlOfARealServerRequest() throws Exception {
        assertEquals("http://localhost:" + server.getPort(), http().get("/pipeline/url").body());
        TestHttp.Reply forwarded = http().get("/pipeline/url", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "gw.example.com", "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/kafka");
        assertEquals("https://gw.example.com:8443/kafka", forwarded.body());
    }
}
