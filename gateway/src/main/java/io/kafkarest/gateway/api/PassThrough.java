package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.GatewayConfiguration;
import io.kafkarest.gateway.core.GatewayMetrics;
import io.kafkarest.gateway.core.RouteKind;
import io.kafkarest.gateway.core.RouteMatch;
import io.kafkarest.gateway.core.RouteTable;
import io.kafkarest.rest.ErrorResponse;
import io.kafkarest.rest.RequestIds;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's pass-through lane: what its {@link PassThroughHandler}s share and the rule for which requests take
 * it. A request takes the lane when it matches a {@link RouteKind#FORWARD} or {@link RouteKind#CONSUMER_INSTANCE}
 * route of the {@link RouteTable} and is plain HTTP/1.1 (origin-form target, no {@code Expect}, no upgrade, a body
 * within the size limit); its head is copied with the proxy headers, its body and the answer pass through as the
 * buffers Netty read. Everything else - consumer creation (its {@code base_uri} is rewritten), 404/405, the
 * gateway's own pages, management requests - goes to Micronaut and {@link GatewayFilter}, as does every request
 * when {@code gateway.pass-through.enabled} is false. Edge security is the Micronaut filters' to decide, and the lane
 * asks them: with Basic authentication on, it takes only requests whose credentials {@link BasicAuthFilter} admits
 * at once (accepted before), so a new or wrong password is checked and challenged there; with CORS on, preflights
 * stay with {@link CrossOriginFilter}, and the lane puts its headers on the answers it relays.
 */
@Singleton
class PassThrough {
    final RouteTable routes;
    final RouteTargets targets;
    final GatewayMetrics metrics;
    final BackendChannels channels;
    @Nullable
    final String externalUrl;
    final long bufferedBodyLimit;
    final Duration readTimeout;
    private final JsonMapper json;
    private final long maxRequestSize;
    private final boolean enabled;
    private final BasicAuthFilter authentication;
    final CrossOriginFilter crossOrigin;

    PassThrough(RouteTable routes, RouteTargets targets, GatewayMetrics metrics, BackendChannels channels,
                GatewayConfiguration config, HttpServerConfiguration serverConfig, JsonMapper json,
                @Value("${micronaut.http.client.read-timeout:120s}") Duration readTimeout,
                @Property(name = "gateway.pass-through.enabled", defaultValue = "true") boolean enabled,
                BasicAuthFilter authentication, CrossOriginFilter crossOrigin) {
        this.routes = routes;
        this.targets = targets;
        this.metrics = metrics;
        this.channels = channels;
        this.externalUrl = config.getExternalUrl();
        this.bufferedBodyLimit = config.getBufferedRequestBodyLimit();
        this.readTimeout = readTimeout;
        this.json = json;
        this.maxRequestSize = serverConfig.getMaxRequestSize();
        this.enabled = enabled;
        this.authentication = authentication;
        this.crossOrigin = crossOrigin;
    }

    boolean enabled() {
        return enabled;
    }

    /** The route of a request that takes the lane; empty for one Micronaut handles. */
    Optional<RouteMatch> routeFor(HttpRequest request) {
        if (!request.decoderResult().isSuccess() || request.protocolVersion() != HttpVersion.HTTP_1_1
                || !request.uri().startsWith("/") || request.headers().contains(HttpHeaderNames.EXPECT)
                || request.headers().contains(HttpHeaderNames.UPGRADE)) {
            return Optional.empty();
        }
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        long length = HttpUtil.getContentLength(request, -1L);
        if (chunked ? maxRequestSize != Long.MAX_VALUE || length >= 0 // limits of streamed bodies: Micronaut's
                : request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) || length > maxRequestSize) {
            return Optional.empty();
        }
        String rawPath = rawPath(request.uri());
        if (RouteTable.isGatewayOwn(rawPath)) {
            return Optional.empty();
        }
        return routes.match(request.method().name(), rawPath)
                .filter(route -> route.kind() == RouteKind.FORWARD || route.kind() == RouteKind.CONSUMER_INSTANCE)
                .filter(route -> passesEdgeSecurityAtOnce(request));
    }

    /** Neither a password to check nor a CORS preflight to answer: what only the Micronaut filters do. */
    private boolean passesEdgeSecurityAtOnce(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return authentication.admitsAtOnce(headers.get(HttpHeaderNames.AUTHORIZATION))
                && !crossOrigin.answersPreflight(request.method().name(), headers.get(HttpHeaderNames.ORIGIN),
                        headers.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD));
    }

    /** The path part of an origin-form request target, still percent-encoded. */
    static String rawPath(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * How much the lane's connections (the client's and the node's) read from their socket at once: up to 1 MiB, the
     * largest piece the HTTP codecs pass on, instead of Netty's 64 KiB. A large body or answer then crosses the
     * gateway in a few reads and writes, not one per 64 KiB: system calls are most of the gateway's cost
     * (docs/benchmarks.md). Up to 16 reads in a row while each fills its buffer (Netty's default for sockets; an
     * allocator set by hand would read once and wait for the next select), so an answer already in the socket is
     * taken whole and leaves in one write. Shared: each channel gets its own handle from it.
     */
    static final RecvByteBufAllocator SOCKET_READS = new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 1024 * 1024)
            .maxMessagesPerRead(16);

    /**
     * How a lane's client connection reads: the sizes of {@link #SOCKET_READS}, and a read Micronaut's server asks for
     * (its connections do not read on their own) goes on while each read fills its buffer, up to 16 in a row
     * ({@link ReadsWhileFull}), so that a request's body already in the socket is taken in one turn.
     */
    static final RecvByteBufAllocator CLIENT_READS = new ReadsWhileFull(SOCKET_READS, 16);

    /**
     * How much may wait unflushed for a lane's client: one full read of the node's answer ({@link #SOCKET_READS})
     * and more, so that the reads of one turn are written together; above it, the lane flushes, and stops reading
     * the node while the client does not take it (Netty's default, 64 KiB, would stop after every read).
     */
    static final WriteBufferWaterMark CLIENT_WRITES = new WriteBufferWaterMark(1024 * 1024, 2 * 1024 * 1024);

    /** A gateway answer ({@link GatewayErrors}) as a Netty response: the standard error body, its headers. */
    FullHttpResponse toNetty(MutableHttpResponse<?> answer, String requestId) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(answer.getBody(ErrorResponse.class).orElseGet(() ->
                    new ErrorResponse(answer.code(), answer.reason())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.code()), Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, java.util.List<String>> header : answer.getHeaders()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(RequestIds.HEADER, requestId);
        return response;
    }
}
