package io.kafkarest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The few REST calls the benchmarks need besides the load: cluster id, fresh topics, one-off requests. */
public final class RestAdmin {
    private static final Pattern CLUSTER_ID = Pattern.compile("\"cluster_id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI gateway;
    private String clusterId;

    public RestAdmin(URI gateway) {
        this.gateway = gateway;
    }

    /** The id of the (only) cluster, from {@code GET /v3/clusters} through the gateway. */
    public synchronized String clusterId() throws IOException, InterruptedException {
        if (clusterId == null) {
            HttpResponse<String> r = send("GET", gateway.resolve("/v3/clusters"), null, null);
            Matcher m = CLUSTER_ID.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IOException("GET /v3/clusters answered " + r.statusCode() + ": " + r.body());
            }
            clusterId = m.group(1);
        }
        return clusterId;
    }

    /** Creates a topic through the gateway's v3 admin API. */
    public void createTopic(String name, int partitions) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", gateway.resolve("/v3/clusters/" + clusterId() + "/topics"),
                "application/json", "{\"topic_name\":\"" + name + "\",\"partitions_count\":" + partitions + "}");
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Creating topic " + name + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Deletes a topic through the gateway's v3 admin API; one that is gone already is fine. */
    public void deleteTopic(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = send("DELETE", gateway.resolve("/v3/clusters/" + clusterId() + "/topics/" + name),
                null, null);
        if (r.statusCode() != 204 && r.statusCode() != 404) {
            throw new IOException("Deleting topic " + name + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Deletes topics a run wrote, telling (not failing) when one cannot be deleted. */
    public void deleteQuietly(List<String> topics) {
        for (String topic : topics) {
            try {
                deleteTopic(topic);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                System.err.println("warning: " + e.getMessage());
            }
        }
    }

    /**
     * Produces one small binary record to each partition with v2 until they are accepted: a fresh topic takes a
     * moment to become visible to produce-service (KRaft applies metadata asynchronously). Writing each partition's
     * first batch alone also keeps the run clear of a Kafka broker bug (KAFKA-15591, fixed in Kafka 4.5): when the
     * first of two batches in flight to a just-created partition fails with NOT_LEADER_OR_FOLLOWER and the second is
     * appended, the first is retried with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout, and the HTTP
     * request holding it waits as long.
     */
    public void awaitProducible(URI base, String topic, int partitions, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String records = IntStream.range(0, partitions)
                .mapToObj(p -> "{\"partition\":" + p + ",\"value\":\"cHJvYmU=\"}")
                .collect(Collectors.joining(",", "{\"records\":[", "]}"));
        String last;
        do {
            HttpResponse<String> r = send("POST", base.resolve("/topics/" + topic),
                    "application/vnd.kafka.binary.v2+json", records);
            if (r.statusCode() == 200 && !r.body().matches("(?s).*\"error_code\"\\s*:\\s*\\d.*")) {
                return;
            }
            last = r.statusCode() + " " + r.body();
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IOException("Topic " + topic + " not producible at " + base + " within " + timeout + ": " + last);
    }

    /** One request; the answer's body as text. */
    public HttpResponse<String> send(String method, URI uri, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(HttpWire.withoutUserInfo(uri)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/vnd.kafka.v2+json");
        String authorization = HttpWire.authorization(uri);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** True when the URL answers anything at all. */
    public boolean answers(URI uri) {
        try {
            send("GET", uri, null, null);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
