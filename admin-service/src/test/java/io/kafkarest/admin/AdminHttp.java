package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Calls the admin service over real HTTP and reads the JSON answers as maps and lists. */
final class AdminHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final ObjectMapper json;

    AdminHttp(int port, ObjectMapper json) {
        this.baseUrl = "http://localhost:" + port;
        this.json = json;
    }

    String baseUrl() {
        return baseUrl;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body);
    }

    Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code headers}: name, value, name, value... */
    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + path, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and body, with JSON accessors. */
    final class Reply {
        final String call;
        final int status;
        final Map<String, List<String>> headers;
        final String body;

        Reply(String call, int status, Map<String, List<String>> headers, String body) {
            this.call = call;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** Asserts the status and returns this. */
        Reply expect(int expectedStatus) {
            assertEquals(expectedStatus, status, call + " answered " + status + ": " + body);
            return this;
        }

        /** Asserts an error answer: status and error_code. */
        Reply expectError(int expectedStatus, int errorCode) {
            expect(expectedStatus);
            assertEquals(errorCode, ((Number) map().get("error_code")).intValue(), call + ": " + body);
            return this;
        }

        Map<String, Object> map() {
            return read(Argument.mapOf(String.class, Object.class));
        }

        List<Object> list() {
            return read(Argument.listOf(Object.class));
        }

        /** The value at a path of keys and list indexes, e.g. {@code at("data", 0, "metadata", "self")}. */
        Object at(Object... path) {
            return AdminHttp.at(map(), path);
        }

        String message() {
            return String.valueOf(map().get("message"));
        }

        /** The {@code data} list of a v3 list answer. */
        List<Map<String, Object>> data() {
            return maps(map().get("data"));
        }

        private <T> T read(Argument<T> type) {
            try {
                return json.readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError(call + ": not the expected JSON: " + body, e);
            }
        }
    }

    static Object at(Object root, Object... path) {
        Object current = root;
        for (Object key : path) {
            if (current == null) {
                return null;
            }
            current = key instanceof Integer i ? ((List<?>) current).get(i) : ((Map<?, ?>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
