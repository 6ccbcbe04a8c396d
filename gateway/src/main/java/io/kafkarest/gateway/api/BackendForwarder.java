package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.Endpoint;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.ProxyHttpClient;
import jakarta.inject.Singleton;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Streams one request to one endpoint and its response back (Micronaut's {@link ProxyHttpClient}: neither body is
 * buffered). The request keeps method, path, query, headers and body; it gains the proxy headers.
 */
@Singleton
class BackendForwarder {
    private final ProxyHttpClient proxyClient;

    BackendForwarder(ProxyHttpClient proxyClient) {
        this.proxyClient = proxyClient;
    }

    /** Errors (connection refused, timeout ...) are signalled, not mapped: the caller knows what they mean. */
    Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                         Endpoint endpoint) {
        MutableHttpRequest<?> out = request.mutate();
        ForwardedHeaders.apply(request, out.getHeaders(), external);
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
