package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.Wait;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for tests: full control of headers and bodies (also GET with a body), no exceptions on 4xx. */
final class TestHttp {
    private static final Duration READ_WAIT = Duration.ofSeconds(30);
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

    /** Creates an instance with this create body; answers its path, checked against the answer's base_uri. */
    String create(String group, String body) {
        return instanceUri(group, post("/consumers/" + group, body));
    }

    /** Creates an instance with this create body and subscribes it to the topic; answers its path. */
    String createAndSubscribe(String group, String body, String topic) {
        String base = create(group, body);
        Reply subscribe = post(base + "/subscription", "{\"topics\":[\"" + topic + "\"]}");
        assertEquals(204, subscribe.status(), subscribe.toString());
        return base;
    }

    /** The path of the instance, checked against the base_uri of the create answer. */
    static String instanceUri(String group, Reply created) {
        assertEquals(200, created.status(), created.toString());
        String id = (String) created.map().get("instance_id");
        String path = "/consumers/" + group + "/instances/" + id;
        assertTrue(((String) created.map().get("base_uri")).endsWith(path), created.toString());
        return path;
    }

    /** Reads until {@code expected} records came (answers 200 in the {@code accept} type), within 30 s. */
    List<Map<String, Object>> readUntil(String base, String accept, int expected) {
        List<Map<String, Object>> all = new ArrayList<>();
        Wait.until(READ_WAIT, expected + " records from " + base, () -> {
            Reply r = get(base + "/records", accept);
            assertEquals(200, r.status(), r.toString());
            assertEquals(accept, r.contentType());
            all.addAll(r.list());
            return all.size() >= expected;
        });
        return all;
    }

    static List<Integer> offsets(List<Map<String, Object>> records) {
        return records.stream().map(r -> ((Number) r.get("offset")).intValue()).toList();
    }

    /** A name no other test uses, e.g. {@code g-1a2b3c4d}. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
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
