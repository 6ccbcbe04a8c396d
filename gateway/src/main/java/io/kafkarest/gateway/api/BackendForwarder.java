package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.GatewayConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.client.ProxyHttpClient;
import jakarta.inject.Singleton;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Streams one request to one endpoint and its response back (Micronaut's {@link ProxyHttpClient}: the response body
 * is not buffered). The request keeps method, path, query, headers and body; it gains the proxy headers.
 * <p>
 * A body with a {@code Content-Length} up to {@code gateway.buffered-request-body-limit} is first received whole
 * (the received buffers are kept, not copied) and only then sent: the client's body writer then finishes before the
 * backend answers, and the backend connection goes back to the pool. Streamed while it is still arriving, the client
 * often sees the answer before its own end of the body and closes the connection, so every produce request paid a
 * new connection (measured: one per request at 16 clients). Longer and chunked bodies (v3 streaming produce) are
 * streamed as they arrive.
 */
@Singleton
class BackendForwarder {
    private final ProxyHttpClient proxyClient;
    private final long bufferedBodyLimit;
    private final CrossOriginFilter crossOrigin;

    BackendForwarder(ProxyHttpClient proxyClient, GatewayConfiguration config, CrossOriginFilter crossOrigin) {
        this.proxyClient = proxyClient;
        this.bufferedBodyLimit = config.getBufferedRequestBodyLimit();
        this.crossOrigin = crossOrigin;
    }

    /** Errors (connection refused, timeout ...) are signalled, not mapped: the caller knows what they mean. */
    Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                         Endpoint endpoint) {
        long length = request.getContentLength();
        if (length > 0 && length <= bufferedBodyLimit && request instanceof ServerHttpRequest<?> server) {
            return Mono.fromFuture(server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer())
                    .flatMap(received -> {
                        received.close();
                        return send(request, pathAndQuery, external, endpoint);
                    });
        }
        return send(request, pathAndQuery, external, endpoint);
    }

    private Mono<MutableHttpResponse<?>> send(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                              Endpoint endpoint) {
        MutableHttpRequest<?> out = request.mutate();
        ForwardedHeaders.apply(request, out.getHeaders(), external);
        crossOrigin.forwarding(out.getHeaders()::remove);
        out.uri(URI.create(endpoint.baseUri() + pathAndQuery));
        return Mono.from(proxyClient.proxy(out)).map(response -> {
            response.getHeaders().remove("Connection");
            response.getHeaders().remove("Keep-Alive");
            return response;
        });
    }

    /** The path and query exactly as received (still percent-encoded). */
    static String pathAndQuery(HttpRequest<?> request) {
        URI uri = request.getUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
