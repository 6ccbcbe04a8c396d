package io.kafkarest.gateway.stub;

import io.kafkarest.gateway.stub.StubBackend.Reply;
import io.kafkarest.gateway.stub.StubBackend.Seen;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consume-service node: {@code POST /consumers/{g}} creates an instance that lives on this node only and answers
 * {@code {"instance_id","base_uri"}} naming the node itself; {@code GET /internal/consumers/{g}/instances/{i}} is
 * 200 for its own instances, else 404; instance requests are 404 40403 unless the instance is here; DELETE removes.
 */
public final class ConsumeNodeStub {
    private static final Pattern CREATE = Pattern.compile("/consumers/([^/]+)/?");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern INSTANCE = Pattern.compile("(/internal)?/consumers/([^/]+)/instances/([^/]+)(/.*)?");

    private final StubBackend stub;
    private final Set<String> instances = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile long createMillis;

    private ConsumeNodeStub(StubBackend stub) {
        this.stub = stub;
        stub.handler(this::handle);
    }

    public static ConsumeNodeStub start(String name) {
        return new ConsumeNodeStub(StubBackend.start(name));
    }

    public StubBackend stub() {
        return stub;
    }

    public String url() {
        return stub.url();
    }

    /** How long a create takes from now on (the node works on it before the instance exists). */
    public void createTakes(java.time.Duration duration) {
        createMillis = duration.toMillis();
    }

    public boolean owns(String group, String instance) {
        return instances.contains(group + "/" + instance);
    }

    private Reply handle(Seen request) {
        String path = request.path();
        Matcher create = CREATE.matcher(path);
        if (request.method().equals("POST") && create.matches()) {
            String group = create.group(1);
            Matcher name = NAME.matcher(new String(request.body()));
            String instance = name.find() ? name.group(1) : stub.name() + "-" + counter.incrementAndGet();
            if (createMillis > 0) {
                try {
                    Thread.sleep(createMillis); // a slow node: the instance appears only now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!instances.add(group + "/" + instance)) {
                return Reply.json(409, "{\"error_code\":40902,\"message\":\"Consumer instance already exists\"}");
            }
            return Reply.json(200, "{\"instance_id\":\"" + instance + "\",\"base_uri\":\"" + stub.url()
                    + "/consumers/" + group + "/instances/" + instance + "\"}");
        }
        Matcher m = INSTANCE.matcher(path);
        if (!m.matches()) {
            return Reply.json(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
        String key = m.group(2) + "/" + m.group(3);
        boolean internal = m.group(1) != null;
        if (!instances.contains(key)) {
            return Reply.json(404, "{\"error_code\":40403,\"message\":\"Consumer instance not found.\"}");
        }
        if (internal) {
            return Reply.json(200, "{\"owner\":\"" + stub.name() + "\"}");
        }
        if (request.method().equals("DELETE") && m.group(4) == null) {
            instances.remove(key);
            return new Reply(204, java.util.Map.of(), new byte[0]);
        }
        return Reply.json(200, "{\"node\":\"" + stub.name() + "\",\"method\":\"" + request.method()
                + "\",\"uri\":\"" + request.uri() + "\"}");
    }
}
