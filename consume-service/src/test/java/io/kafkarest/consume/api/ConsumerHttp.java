package io.kafkarest.consume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.Wait;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consumer API over test-support's {@link TestHttp}: v2 requests by default (Content-Type and Accept), creating
 * and subscribing instances, reading until records came.
 */
final class ConsumerHttp {
    private static final Duration READ_WAIT = Duration.ofSeconds(30);
    static final String V2 = "application/vnd.kafka.v2+json";
    static final String V1 = "application/vnd.kafka.v1+json";
    static final String BINARY_V2 = "application/vnd.kafka.binary.v2+json";
    static final String JSON_V2 = "application/vnd.kafka.json.v2+json";

    private final TestHttp http;

    ConsumerHttp(URI base) {
        this.http = TestHttp.to(base.toString().replaceAll("/$", ""));
    }

    /** A request with these Content-Type and Accept headers (each left out where null). */
    Reply send(String method, String path, String contentType, String accept, String body) {
        List<String> headers = new ArrayList<>();
        if (contentType != null) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        if (accept != null) {
            headers.addAll(List.of("Accept", accept));
        }
        return http.send(method, path, body, headers.toArray(String[]::new));
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
            all.addAll(r.objects());
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
}
