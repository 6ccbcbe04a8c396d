package io.kafkarest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client of tests: real requests over the JDK client (HTTP/1.1), full control of method, headers and body
 * (also a GET with a body), no exceptions on 4xx/5xx, and answers with status, headers, body and JSON accessors.
 *
 * <pre>{@code
 * TestHttp http = TestHttp.to("http://localhost:" + port);          // paths are appended to the base
 * http.get("/topics", "Accept", "application/json").expect(200).list();
 * TestHttp.json(base).post("/connectors", Map.of("name", "c")).expect(201);   // bodies: a String, or JSON of a value
 * TestHttp.to("").get("http://127.0.0.1:8080/");                   // empty base: absolute URLs
 * }</pre>
 *
 * Headers are {@code name, value} pairs. No header is added on its own, except the client's default content type
 * ({@link #json(String)}, {@link #withContentType}) on a request with a body and no Content-Type of its own.
 */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient DEFAULT_CLIENT = newClient(null);

    private final String base;
    private final HttpClient client;
    private final Duration timeout;
    private final String contentType;

    private TestHttp(String base, HttpClient client, Duration timeout, String contentType) {
        this.base = base;
        this.client = client;
        this.timeout = timeout;
        this.contentType = contentType;
    }

    /** A client whose paths are appended to {@code base} (an empty base takes absolute URLs). Timeout: 30 s. */
    public static TestHttp to(String base) {
        return new TestHttp(base, DEFAULT_CLIENT, Duration.ofSeconds(30), null);
    }

    /** As {@link #to(String)}, with bodies sent as {@code application/json} unless a request says otherwise. */
    public static TestHttp json(String base) {
        return to(base).withContentType("application/json");
    }

    /** The same client with another request timeout (the whole answer must come within it). */
    public TestHttp withTimeout(Duration requestTimeout) {
        return new TestHttp(base, client, requestTimeout, contentType);
    }

    /** The same client with a default Content-Type for requests with a body. */
    public TestHttp withContentType(String defaultContentType) {
        return new TestHttp(base, client, timeout, defaultContentType);
    }

    /** The same client speaking TLS with this context (e.g. one that trusts a test certificate). */
    public TestHttp withSsl(SSLContext ssl) {
        return new TestHttp(base, newClient(ssl), timeout, contentType);
    }

    public String base() {
        return base;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** {@code body}: a String as it is, bytes as they are, any other value as its JSON, null for none. */
    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    /** Any method, any body (see {@link #post}), any headers ({@code name, value} pairs). */
    public Reply send(String method, String path, Object body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name, value pairs: " + List.of(headers));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytesOf(body)));
        boolean hasContentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            hasContentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !hasContentType && contentType != null) {
            request.header("Content-Type", contentType);
        }
        String call = method + " " + base + path;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(call, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(call + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + " interrupted", e);
        }
    }

    /** A value as JSON text (a String stays as it is). */
    public static String toJson(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value, e);
        }
    }

    /** JSON text as a tree. */
    public static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    /**
     * The value at a path of keys and list indexes in maps and lists, e.g. {@code at(answer, "data", 0, "name")};
     * null where the path ends early.
     */
    public static Object at(Object root, Object... path) {
        Object current = root;
        for (Object key : path) {
            if (current == null) {
                return null;
            }
            current = key instanceof Integer i ? ((List<?>) current).get(i) : ((Map<?, ?>) current).get(key);
        }
        return current;
    }

    /** A JSON array of objects, as read into lists and maps (e.g. a value of {@link Reply#map()}). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static byte[] bytesOf(Object body) {
        return body instanceof byte[] bytes ? bytes : toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpClient newClient(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    /** An answer: its status, headers and body, with JSON accessors and status assertions. */
    public record Reply(String call, int status, HttpHeaders headers, byte[] bytes) {
        /** The body as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The Content-Type header as it came (parameters included), or null. */
        public String contentType() {
            return header("Content-Type");
        }

        /** The Content-Type without parameters, in lower case, or null. */
        public String mediaType() {
            String type = contentType();
            return type == null ? null : type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        }

        /** The body as a JSON tree. */
        public JsonNode json() {
            return readTree(body());
        }

        /** The body as a JSON object. */
        public Map<String, Object> map() {
            return read(new TypeReference<>() {
            });
        }

        /** The body as a JSON array. */
        public List<Object> list() {
            return read(new TypeReference<>() {
            });
        }

        /** The body as a JSON array of objects. */
        public List<Map<String, Object>> objects() {
            return read(new TypeReference<>() {
            });
        }

        /** The value at a path in the JSON body: see {@link TestHttp#at}. */
        public Object at(Object... path) {
            return TestHttp.at(read(new TypeReference<Object>() {
            }), path);
        }

        /** The {@code data} list of a Kafka REST v3 list answer. */
        public List<Map<String, Object>> data() {
            return maps(map().get("data"));
        }

        /** {@code error_code} of a Kafka REST error answer. */
        public int errorCode() {
            return ((Number) map().get("error_code")).intValue();
        }

        /** {@code message} of an error answer. */
        public String message() {
            return String.valueOf(map().get("message"));
        }

        /** Asserts the status and returns this. */
        public Reply expect(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> call + " answered " + this);
            return this;
        }

        /** Asserts an error answer: its status and error_code. */
        public Reply expectError(int expectedStatus, int expectedErrorCode) {
            expect(expectedStatus);
            assertEquals(expectedErrorCode, errorCode(), () -> call + " answered " + this);
            return this;
        }

        private <T> T read(TypeReference<T> type) {
            try {
                return JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new AssertionError(call + ": not the expected JSON: " + body(), e);
            }
        }

        @Override
        public String toString() {
            String type = contentType();
            return status + (type == null ? "" : " " + type) + " " + body();
        }
    }
}
