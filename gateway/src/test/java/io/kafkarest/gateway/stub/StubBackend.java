package io.kafkarest.gateway.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A backend node for tests (JDK HTTP server on 127.0.0.1, a free port). It records every request it sees and, by
 * default, echoes: the request body if there is one, else {@code "<name> <METHOD> <uri>"}, with header
 * {@code X-Stub: <name>}. {@code ?stub_status=N} answers status N with a JSON error body; {@code ?stub_hang=true}
 * never answers (until the stub stops).
 */
public class StubBackend implements AutoCloseable {
    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Function<Seen, Reply> handler = this::echo;
    private final Map<String, RawHandler> rawHandlers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Handles a request on the exchange itself (to stream), instead of the recording/echo handler. */
    @FunctionalInterface
    public interface RawHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** One request as the stub received it. */
    public record Seen(String method, String uri, Map<String, List<String>> headers, byte[] body, int clientPort) {
        /** First value of a header (name case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String path() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }
    }

    /** What the stub answers. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private StubBackend(String name, String host, int port) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubBackend start(String name) {
        return start(name, "127.0.0.1", 0);
    }

    /** A stub on a given local address and port (e.g. two replicas on 127.0.0.1:P and 127.0.0.2:P). */
    public static StubBackend start(String name, String host, int port) {
        try {
            return new StubBackend(name, host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void handler(Function<Seen, Reply> handler) {
        this.handler = handler;
    }

    public void rawHandler(String path, RawHandler raw) {
        rawHandlers.put(path, raw);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String pathPrefix) {
        return seen.stream().filter(s -> s.path().startsWith(pathPrefix)).toList();
    }

    public void clear() {
        seen.clear();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        RawHandler raw = rawHandlers.get(exchange.getRequestURI().getPath());
        if (raw != null) {
            try (exchange) {
                raw.handle(exchange);
            }
            return;
        }
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body,
                    exchange.getRemoteAddress().getPort());
            seen.add(request);
            if (request.uri().contains("stub_hang=true")) {
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Reply reply = handler.apply(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("X-Stub", name);
            boolean noBody = reply.body().length == 0 || reply.status() == 204 || request.method().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    private Reply echo(Seen request) {
        String uri = request.uri();
        int statusAt = uri.indexOf("stub_status=");
        if (statusAt >= 0) {
            int status = Integer.parseInt(uri.substring(statusAt + 12, statusAt + 15));
            return Reply.json(status, "{\"error_code\":" + status + "01,\"message\":\"from " + name + "\"}");
        }
        if (request.body().length > 0) {
            String type = request.header("Content-Type");
            return new Reply(200, Map.of("Content-Type", type == null ? "application/octet-stream" : type),
                    request.body());
        }
        return new Reply(200, Map.of("Content-Type", "text/plain"),
                (name + " " + request.method() + " " + uri).getBytes(StandardCharsets.UTF_8));
    }
}
