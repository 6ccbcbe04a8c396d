package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.stub.StubBackend;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pass-through lane ({@link PassThroughHandler}) next to Micronaut on one connection, and its kept-alive
 * backend connections.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassThroughTest implements TestPropertyProvider {
    private final StubBackend admin = StubBackend.start("admin-1");
    private StubBackend produce = StubBackend.start("produce-1");
    private static final TestHttp HTTP = TestHttp.to("");
    private final int managementPort = FreePorts.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.services.admin-service.urls", admin.url(),
                "gateway.services.produce-service.urls", produce.url(),
                "endpoints.all.port", String.valueOf(managementPort));
    }

    @AfterAll
    void stopStubs() {
        admin.close();
        produce.close();
    }

    /**
     * Requests sent back to back on one connection, alternating between what the lane forwards and what Micronaut
     * answers (the gateway's API description, a 404 of no route, a body for the lane): the answers come back
     * complete and in request order.
     */
    @Test
    void pipelinedRequestsMixingTheLaneAndMicronautAreAnsweredInOrder() throws IOException {
        String body = "{\"records\":[{\"value\":\"" + "v".repeat(3000) + "\"}]}";
        String requests = "GET /brokers HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /openapi.yaml HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /topics/a HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /no/such/path HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "POST /topics/b HTTP/1.1\r\nHost: gw\r\nContent-Type: application/vnd.kafka.json.v2+json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body
                + "GET /topics/c HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            List<RawResponse> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(RawResponse.read(in));
            }
            assertEquals(200, answers.get(0).status());
            assertEquals("admin-1 GET /brokers", answers.get(0).text());
            assertEquals("20", answers.get(0).headers().get("content-length"), "the node's framing, passed through");
            assertEquals(200, answers.get(1).status());
            assertTrue(answers.get(1).text().startsWith("openapi: 3"), answers.get(1).text());
            assertEquals("admin-1 GET /topics/a", answers.get(2).text());
            assertEquals(404, answers.get(3).status());
            assertTrue(answers.get(3).text().contains("\"error_code\":404"), answers.get(3).text());
            assertEquals(200, answers.get(4).status());
            assertEquals(body, answers.get(4).text(), "the stub echoes the body");
            assertEquals("admin-1 GET /topics/c", answers.get(5).text());
            answers.forEach(a -> assertTrue(a.headers().containsKey("x-request-id"), a.headers().toString()));
            assertEquals(-1, in.read(), "closed after the request that asked for it");
        }
    }

    /**
     * A node that restarts closes the gateway's kept-alive connections to it; the next request, a POST, goes out on
     * a new connection instead of failing on a dead one.
     */
    @Test
    void aNodeRestartDoesNotFailRequestsOnItsOldConnections() {
        String body = "{\"records\":[{\"value\":1}]}";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, HTTP.post(gateway() + "/topics/t", body,
                    "Content-Type", "application/vnd.kafka.json.v2+json").status());
        }
        int port = produce.port();
        produce.close();
        produce = StubBackend.start("produce-1", "127.0.0.1", port);
        for (int i = 0; i < 3; i++) {
            TestHttp.Reply r = HTTP.post(gateway() + "/topics/t", body,
                    "Content-Type", "application/vnd.kafka.json.v2+json");
            assertEquals(200, r.status(), r.body());
            assertEquals(body, r.body());
        }
    }

    private String gateway() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** An HTTP/1.1 answer read off a socket: status, headers (lower-case names), body (length or chunked). */
    private record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            } else {
                body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
            }
            return new RawResponse(status, headers, body.toByteArray());
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer after: " + line);
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
