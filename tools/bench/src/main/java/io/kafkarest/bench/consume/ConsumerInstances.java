package io.kafkarest.bench.consume;

import io.kafkarest.bench.HttpWire;
import io.kafkarest.bench.RestAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * v2 consumer instances of one group: created (binary, from the earliest offset) and subscribed to a topic, a few
 * requests at a time, and deleted again. Each instance is addressed by the {@code base_uri} of its create answer
 * (through the gateway it names the gateway).
 */
final class ConsumerInstances implements AutoCloseable {
    static final String V2 = "application/vnd.kafka.v2+json";
    private static final Pattern BASE_URI = Pattern.compile("\"base_uri\"\\s*:\\s*\"([^\"]+)\"");

    private final RestAdmin rest;
    private final URI base;
    private final String group;
    private final List<URI> created = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param rest  for the requests
     * @param base  consume-service or the gateway
     * @param group a fresh group
     */
    ConsumerInstances(RestAdmin rest, URI base, String group) {
        this.rest = rest;
        this.base = base;
        this.group = group;
    }

    /** Creates {@code count} instances subscribed to {@code topic}, {@code parallel} requests at a time. */
    List<URI> create(int count, String topic, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, count));
        try {
            List<Future<URI>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "i" + i;
                futures.add(pool.submit(() -> createOne(name, topic)));
            }
            List<URI> uris = new ArrayList<>();
            for (Future<URI> f : futures) {
                uris.add(f.get());
            }
            return uris;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } finally {
            pool.shutdownNow();
        }
    }

    private URI createOne(String name, String topic) throws IOException, InterruptedException {
        HttpResponse<String> r = rest.send("POST", base.resolve("/consumers/" + group), V2,
                "{\"name\":\"" + name + "\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}");
        Matcher m = BASE_URI.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("POST /consumers/" + group + " answered " + r.statusCode() + ": " + r.body());
        }
        URI uri = HttpWire.withUserInfoOf(base, URI.create(m.group(1)));
        created.add(uri);
        HttpResponse<String> s = rest.send("POST", URI.create(uri + "/subscription"), V2,
                "{\"topics\":[\"" + topic + "\"]}");
        if (s.statusCode() / 100 != 2) {
            throw new IOException("POST " + uri + "/subscription answered " + s.statusCode() + ": " + s.body());
        }
        return uri;
    }

    /** How many instances exist now (created, not yet deleted). */
    int size() {
        return created.size();
    }

    /** Deletes every instance created, {@code parallel} at a time; returns the first error, or null. */
    String deleteAll(int parallel) {
        List<URI> all;
        synchronized (created) {
            all = new ArrayList<>(created);
            created.clear();
        }
        if (all.isEmpty()) {
            return null;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, all.size()));
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (URI uri : all) {
                futures.add(pool.submit(() -> {
                    HttpResponse<String> r = rest.send("DELETE", uri, null, null);
                    return r.statusCode() / 100 == 2 || r.statusCode() == 404 ? null
                            : "DELETE " + uri + " answered " + r.statusCode() + ": " + r.body();
                }));
            }
            String first = null;
            for (Future<String> f : futures) {
                try {
                    String e = f.get();
                    first = first == null ? e : first;
                } catch (Exception e) {
                    first = first == null ? "DELETE: " + e : first;
                }
            }
            return first;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        String error = deleteAll(8);
        if (error != null) {
            System.err.println("  warning: " + error);
        }
    }
}
