package io.kafkarest.consume.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for tests: full control of headers and bodies (also GET with a body), no exceptions on 4xx. */
final class TestHttp {
    static final String V2 = "application/vnd.kafka.v2+json";
    static final String V1 = "application/vnd.kafka.v1+json";
    static final String BINARY_V2 = "application/vnd.kafka.binary.v2+json";
    static final String JSON_V2 = "application/vnd.kafka.json.v2+json";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final JsonMapper json;

    TestHttp(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    Reply send(String method, String path, String contentType, String accept, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply post(String path, String body) {
        return send("POST", path, V2, V2, body);
    }

    Reply get(String path, String accept) {
        return send("GET", path, null, accept, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, V2, null);
    }

    record Reply(int status, String contentType, String body, JsonMapper json) {
        Object parsed() {
            try {
                return json.readValue(body, Argument.OBJECT_ARGUMENT);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) parsed();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) parsed();
        }

        int errorCode() {
            return ((Number) map().get("error_code")).intValue();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
