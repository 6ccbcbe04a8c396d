package io.kafkarest.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test helpers: settings for a Connect worker of its own (unique group and topics) and a plain HTTP client. */
public final class ConnectTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConnectTestSupport() {
    }

    /** Properties of a service whose worker is alone in a fresh Connect group on the test broker. */
    public static Map<String, String> workerProperties(String groupSuffix) {
        String id = groupSuffix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        props.put("micronaut.server.port", String.valueOf(FreePorts.next()));
        props.put("endpoints.all.port", String.valueOf(FreePorts.next()));
        props.put("connect.group-id", "connect-" + id);
        props.put("connect.config-storage-topic", "connect-configs-" + id);
        props.put("connect.offset-storage-topic", "connect-offsets-" + id);
        props.put("connect.status-storage-topic", "connect-status-" + id);
        props.put("connect.worker.offset.storage.partitions", "1");
        props.put("connect.worker.status.storage.partitions", "1");
        return props;
    }

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Response httpGet(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Response httpDelete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    public static Response httpPost(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(bodyOf(body)));
    }

    public static Response httpPut(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(bodyOf(body)));
    }

    public static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(100)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the worker has joined its group and answers Connect's health check. */
    public static void awaitWorkerReady(String baseUrl) {
        Wait.until(Duration.ofSeconds(60), "Connect worker at " + baseUrl + " healthy",
                () -> httpGet(baseUrl + "/health").status() == 200);
    }
}
