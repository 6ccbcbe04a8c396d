package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.RouteMatch;
import io.kafkarest.rest.AccessLogFilter;
import io.kafkarest.rest.ExternalUrl;
import io.kafkarest.rest.RequestIds;
import io.micronaut.http.MutableHttpResponse;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.event.Level;

/**
 * One client connection's pass-through lane ({@link PassThrough}), right after the HTTP decoder and before
 * Micronaut: a request that takes the lane is sent to its node over a kept-alive connection of the same event loop
 * ({@link BackendChannels}) and the node's answer is written back as it arrives, buffers passed on, not copied. The
 * request gets the proxy headers and its {@code X-Request-Id}, the answer keeps the node's framing and gets the id;
 * each request gets its access line and its {@code kafkarest_gateway_requests_seconds} observation, as through
 * {@link GatewayFilter}. A body with a {@code Content-Length} up to {@code gateway.buffered-request-body-limit} is
 * received whole and then sent (so that an idempotent request can be tried on the next replica); longer and chunked
 * bodies stream.
 * <p>
 * Requests for Micronaut pass on untouched. Answers leave in request order: a request for the lane that arrives
 * while Micronaut still owes answers waits (as does anything after a request the lane is answering), and nothing
 * more is read from the client meanwhile. Reading follows demand: Micronaut's server reads on request
 * ({@code autoRead} off); the lane asks for more body only while the node can take it, and the node's answer is read
 * only while the client can take it.
 */
final class PassThroughHandler extends ChannelDuplexHandler {
    private final PassThrough lane;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    /** Requests given to Micronaut whose answers have not been written completely. */
    private int micronautAnswersOwed;
    /** The body of the request in hand goes to Micronaut. */
    private boolean bodyToMicronaut;
    private boolean resumeScheduled;
    /** The external URL the last request of this connection was made to, parsed (the next one is most likely the same). */
    private String lastExternalUrl;
    private ExternalBase lastExternal;

    PassThroughHandler(PassThrough lane) {
        this.lane = lane;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!held.isEmpty() || !dispatch(msg)) {
            held.add(msg);
        }
    }

    /** Handles one decoded message; false when it has to wait. */
    private boolean dispatch(Object msg) {
        if (exchange != null) {
            if (exchange.requestComplete) {
                return false; // the next request: after this one's answer
            }
            exchange.clientContent((HttpContent) msg); // the decoder gives a head's contents, up to the last
            return true;
        }
        if (bodyToMicronaut) {
            bodyToMicronaut = !(msg instanceof LastHttpContent);
            ctx.fireChannelRead(msg);
            return true;
        }
        if (msg instanceof HttpRequest request) {
            Optional<RouteMatch> route = lane.routeFor(request);
            if (route.isEmpty()) {
                micronautAnswersOwed++;
                bodyToMicronaut = !(msg instanceof LastHttpContent);
                ctx.fireChannelRead(msg);
                return true;
            }
            if (micronautAnswersOwed > 0) {
                return false;
            }
            exchange = new Exchange(request, route.get());
            exchange.start();
            if (msg instanceof HttpContent content) {
                exchange.clientContent(content);
            }
            return true;
        }
        ctx.fireChannelRead(msg);
        return true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientReadComplete();
        }
        ctx.fireChannelReadComplete();
    }

    /** Micronaut (or the lane itself, when it resumes) asks for more from the client. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!holding()) {
            ctx.read();
        }
    }

    /** Whether nothing more is to be read from the client now; {@link #resume()} reads again. */
    private boolean holding() {
        return !held.isEmpty() || (exchange != null && !exchange.wantsClientData());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Micronaut's answers (the lane writes from its own context, past this handler)
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            micronautAnswersOwed = Math.max(0, micronautAnswersOwed - 1);
            if (micronautAnswersOwed == 0 && !held.isEmpty()) {
                scheduleResume();
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
        }
        held.forEach(ReferenceCountUtil::release);
        held.clear();
        ctx.fireChannelInactive();
    }

    private void scheduleResume() {
        if (!resumeScheduled) {
            resumeScheduled = true;
            ctx.executor().execute(this::resume);
        }
    }

    /** Goes on with what waited, then reads again if nothing waits. */
    private void resume() {
        resumeScheduled = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        boolean toMicronaut = false;
        while (!held.isEmpty()) {
            int owed = micronautAnswersOwed;
            boolean body = bodyToMicronaut;
            if (!dispatch(held.peek())) {
                break;
            }
            held.poll();
            toMicronaut |= micronautAnswersOwed > owed || body;
        }
        if (toMicronaut) {
            ctx.fireChannelReadComplete(); // Micronaut flushes its answers when a read completes
        }
        if (!holding()) {
            ctx.read();
        }
    }

    /** The gateway's URL as this request names it ({@link ExternalBase}), parsed once per connection and URL. */
    private ExternalBase external(HttpHeaders headers, Channel client) {
        String url = lane.externalUrl != null ? lane.externalUrl : ExternalUrl.of(headers::get,
                () -> client.pipeline().get(SslHandler.class) != null, () -> authority(client.localAddress()));
        if (!url.equals(lastExternalUrl)) {
            lastExternal = ExternalBase.parse(url);
            lastExternalUrl = url;
        }
        return lastExternal;
    }

    private void finished(Exchange done) {
        if (exchange == done) {
            exchange = null;
            scheduleResume();
        }
    }

    /** One request on the lane, from its head to the end of both bodies. Runs on the connection's event loop. */
    final class Exchange implements BackendChannels.ExchangeSink {
        private final HttpRequest request;
        private final RouteMatch route;
        private final String method;
        private final String rawPath;
        private final long start = System.nanoTime();
        private final String requestId;
        private final boolean buffered;
        private final boolean clientKeepAlive;
        /** The request's {@code Origin} (it may not be forwarded): its answer's CORS headers depend on it. */
        private final String origin;
        private HttpHeaders forwardHeaders;
        private CompositeByteBuf body;
        private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
        private long pendingBytes;
        private int retriesLeft;
        /** The next connection to the node is a new one (a kept-alive one turned out closed). */
        private boolean freshConnection;
        private boolean reusedConnection;
        boolean requestComplete;
        private boolean requestSent;
        private Endpoint node;
        private Channel backend;
        private boolean backendKeepAlive;
        private boolean responseStarted;
        private boolean skippingInformational;
        private boolean closeClient;
        private boolean done;
        /** The latency is observed (once, when the answer's head is ready). */
        private boolean logged;
        /** The answer's status and time to its head, for the access line still to be written; 0: none owed. */
        private int accessStatus;
        private long accessNanos;
        private long lastBackendActivity;
        private ScheduledFuture<?> timeout;

        Exchange(HttpRequest request, RouteMatch route) {
            this.request = request;
            this.route = route;
            this.method = request.method().name();
            this.rawPath = PassThrough.rawPath(request.uri());
            this.requestId = RequestIds.acceptOrGenerate(request.headers().get(RequestIds.HEADER));
            this.buffered = !HttpUtil.isTransferEncodingChunked(request)
                    && HttpUtil.getContentLength(request, 0L) <= lane.bufferedBodyLimit;
            this.clientKeepAlive = HttpUtil.isKeepAlive(request);
            this.origin = request.headers().get(HttpHeaderNames.ORIGIN);
            this.retriesLeft = buffered && RouteTargets.mayRetry(method, route) ? RouteTargets.RETRIES : 0;
        }

        void start() {
            forwardHeaders = forwardHeaders();
            if (buffered) {
                body = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
            } else {
                sendToNode(); // streams: the body follows as it arrives
            }
        }

        /** The request's own headers, made the forwarded request's (the decoded request is not used otherwise). */
        private HttpHeaders forwardHeaders() {
            HttpHeaders headers = request.headers();
            Channel client = ctx.channel();
            ForwardedHeaders.apply(headers::get,
                    ForwardedHeaders.clientAddress((InetSocketAddress) client.remoteAddress()), requestId,
                    external(headers, client), headers::set, headers::remove);
            lane.crossOrigin.forwarding(headers::remove);
            return headers;
        }

        // ---- the client's side

        void clientContent(HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (done) {
                content.release();
            } else if (buffered) {
                body.addComponent(true, content.content()); // the buffer Netty read, kept
            } else if (backend != null) { // streaming, the head has gone: straight on
                backend.write(content).addListener(failOnError());
            } else {
                pendingBytes += content.content().readableBytes();
                pending.add(content);
            }
            if (last) {
                requestComplete = true;
                if (done) {
                    finished(this);
                } else if (buffered) {
                    sendToNode();
                } else if (backend != null) {
                    requestSent = true;
                    backend.flush();
                    armTimeout();
                }
            }
        }

        void clientReadComplete() {
            if (backend != null && !buffered) {
                backend.flush();
            }
            if (wantsClientData()) {
                ctx.read();
            }
        }

        boolean wantsClientData() {
            if (requestComplete) {
                return false;
            }
            if (done || buffered) {
                return true;
            }
            return backend == null ? pendingBytes < lane.bufferedBodyLimit : backend.isWritable();
        }

        void clientWritabilityChanged() {
            if (backend != null && ctx.channel().isWritable() && !backend.config().isAutoRead()) {
                backend.config().setAutoRead(true);
            }
        }

        void clientClosed() {
            if (!done) {
                answered(499); // the client went away before the answer (nginx's 499), or in its middle
                closeBackend();
                end();
            }
        }

        // ---- the node's side

        private void sendToNode() {
            CompletableFuture<Endpoint> target = lane.targets.nodeFor(route);
            if (target.isDone()) { // mostly: a replica is chosen at once, a pinned owner known
                target.whenComplete(this::onNode);
            } else {
                target.whenComplete((n, e) -> ctx.executor().execute(() -> onNode(n, e)));
            }
        }

        private void onNode(Endpoint target, Throwable error) {
            if (done) {
                return;
            }
            if (error != null) {
                answer(GatewayErrors.backendFailed(route.service(), error));
                return;
            }
            node = target;
            Future<BackendChannels.Lease> lease = lane.channels.acquire(ctx.channel().eventLoop(),
                    ctx.channel().getClass(), node, freshConnection);
            lease.addListener(f -> {
                if (f.isSuccess()) {
                    connected(lease.getNow());
                } else {
                    nodeFailed(f.cause());
                }
            });
        }

        private void connected(BackendChannels.Lease lease) {
            if (done) {
                lane.channels.release(lease.channel(), node);
                return;
            }
            backend = lease.channel();
            reusedConnection = lease.reused();
            BackendChannels.ExchangeLink.of(backend).exchange = this;
            forwardHeaders.set(HttpHeaderNames.HOST, authority(backend.remoteAddress()));
            String target = node.pathPrefix() + request.uri();
            if (buffered) {
                DefaultFullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                        target, body.retainedDuplicate(), forwardHeaders, new DefaultHttpHeaders());
                requestSent = true;
                backend.writeAndFlush(out).addListener(failOnError());
                armTimeout();
            } else {
                backend.write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), target,
                        forwardHeaders)).addListener(failOnError());
                for (HttpContent content; (content = pending.poll()) != null; ) {
                    backend.write(content).addListener(failOnError());
                }
                pendingBytes = 0;
                backend.flush();
                if (requestComplete) {
                    requestSent = true;
                    armTimeout();
                } else if (!holding()) {
                    ctx.read();
                }
            }
        }

        private ChannelFutureListener failOnError() {
            return f -> {
                if (!f.isSuccess() && !done && backend == f.channel()) {
                    nodeFailed(f.cause());
                }
            };
        }

        @Override
        public void backendRead(Object msg) {
            if (done) {
                ReferenceCountUtil.release(msg);
                return;
            }
            lastBackendActivity = System.nanoTime();
            if (msg instanceof HttpResponse head) {
                if (head.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    skippingInformational = !(msg instanceof LastHttpContent); // 1xx: the gateway's own business
                    ReferenceCountUtil.release(msg);
                    return;
                }
                backendKeepAlive = HttpUtil.isKeepAlive(head);
                HttpHeaders headers = head.headers();
                ForwardedHeaders.HOP_BY_HOP.forEach(headers::remove);
                headers.set(RequestIds.HEADER, requestId);
                allowCrossOrigin(headers);
                if (!requestComplete || !clientKeepAlive) {
                    headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    closeClient = true;
                }
                int status = head.status().code();
                lane.targets.answered(route, method, rawPath, node, status);
                answered(status);
                responseStarted = true;
                ChannelFuture written = ctx.write(msg);
                if (msg instanceof LastHttpContent) {
                    responseComplete(written);
                }
                return;
            }
            if (skippingInformational) {
                skippingInformational = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            ChannelFuture written = ctx.write(msg);
            if (msg instanceof LastHttpContent) {
                responseComplete(written);
            } else if (!ctx.channel().isWritable()) { // more than PassThrough.CLIENT_WRITES waits: out with it
                ctx.flush();
                if (!ctx.channel().isWritable()) {
                    backend.config().setAutoRead(false); // until the client has taken what was written
                }
            }
        }

        @Override
        public void backendReadComplete() {
            ctx.flush();
            writeAccessLine();
        }

        @Override
        public void backendWritabilityChanged() {
            if (backend != null && backend.isWritable() && !holding()) {
                ctx.read();
            }
        }

        @Override
        public void backendClosed(Throwable cause) {
            if (!done && backend != null) {
                nodeFailed(cause);
            }
        }

        /** The node's answer is complete ({@code lastWrite}: its last part, written to the client). */
        private void responseComplete(ChannelFuture lastWrite) {
            Channel connection = backend;
            backend = null;
            cancelTimeout();
            if (backendKeepAlive && requestSent) { // sent: the whole request went out
                lane.channels.release(connection, node);
            } else {
                connection.close();
            }
            ctx.flush();
            if (closeClient) {
                lastWrite.addListener(ChannelFutureListener.CLOSE);
            }
            end();
        }

        /**
         * The node could not be reached, or its connection broke. Before any answer the request may go to the next
         * replica ({@link RouteTargets}), or - when a kept-alive connection turned out closed before the request
         * could be written - to the same node on a new connection; otherwise the client gets the gateway's 502/504
         * (or 404 40403 for a consumer instance whose node is gone). In the middle of an answer, the client's
         * connection is closed: the answer cannot be completed.
         */
        private void nodeFailed(Throwable cause) {
            closeBackend();
            if (responseStarted) {
                lane.metrics.backendFailed(route.service(), node);
                ctx.flush();
                ctx.close();
                end();
                return;
            }
            boolean replayable = buffered && requestComplete;
            if (replayable && reusedConnection && !freshConnection && cause instanceof ClosedChannelException) {
                freshConnection = true;
                sendToNode();
                return;
            }
            if (replayable && lane.targets.retryElsewhere(route, node, cause, retriesLeft)) {
                retriesLeft--;
                freshConnection = false;
                sendToNode();
                return;
            }
            if (!replayable) {
                lane.targets.retryElsewhere(route, node, cause, 0); // notes an unreachable node
            }
            answer(lane.targets.failure(route, node, cause));
        }

        private void armTimeout() {
            lastBackendActivity = System.nanoTime();
            if (timeout == null) {
                timeout = ctx.executor().schedule(this::checkTimeout, lane.readTimeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private void checkTimeout() {
            timeout = null;
            if (done || backend == null) {
                return;
            }
            long idle = System.nanoTime() - lastBackendActivity;
            long limit = lane.readTimeout.toNanos();
            if (idle < limit) {
                timeout = ctx.executor().schedule(this::checkTimeout, limit - idle, TimeUnit.NANOSECONDS);
                return;
            }
            Throwable cause = new TimeoutException("Read Timeout: no answer within " + lane.readTimeout);
            if (responseStarted) {
                nodeFailed(cause);
            } else {
                closeBackend();
                answer(lane.targets.failure(route, node, cause));
            }
        }

        private void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
        }

        // ---- endings

        /** The gateway's own answer (no node, node failed); the connection is closed if the body is still coming. */
        private void answer(MutableHttpResponse<?> answer) {
            var response = lane.toNetty(answer, requestId);
            allowCrossOrigin(response.headers());
            if (!requestComplete || !clientKeepAlive
                    || HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(response.headers().get(HttpHeaderNames.CONNECTION))) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                closeClient = true;
            }
            answered(answer.code());
            responseStarted = true;
            var written = ctx.writeAndFlush(response);
            if (closeClient) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
            end();
        }

        /** What a page at the request's {@code Origin} needs to read the answer, when CORS is on. */
        private void allowCrossOrigin(HttpHeaders answerHeaders) {
            lane.crossOrigin.answerHeaders(origin, answerHeaders::add);
        }

        /**
         * The route's latency, once, when the answer's head is ready (as GatewayFilter). Its access line is written
         * once what was read has been passed on ({@link #writeAccessLine}): the answer does not wait for the log.
         */
        private void answered(int status) {
            if (logged) {
                return;
            }
            logged = true;
            long nanos = System.nanoTime() - start;
            lane.metrics.answered(route, status, nanos);
            accessStatus = status;
            accessNanos = nanos;
        }

        private void writeAccessLine() {
            if (accessStatus != 0) {
                AccessLogFilter.log(Level.INFO, method, request.uri(), accessStatus,
                        TimeUnit.NANOSECONDS.toMillis(accessNanos), requestId);
                accessStatus = 0;
            }
        }

        private void closeBackend() {
            cancelTimeout();
            if (backend != null) {
                BackendChannels.ExchangeLink.of(backend).exchange = null;
                backend.close();
                backend = null;
            }
        }

        private void end() {
            done = true;
            cancelTimeout();
            writeAccessLine();
            if (body != null) {
                body.release();
                body = null;
            }
            pending.forEach(HttpContent::release);
            pending.clear();
            if (requestComplete) {
                finished(this);
            }
        }
    }

    private static String authority(SocketAddress address) {
        InetSocketAddress socket = (InetSocketAddress) address;
        String host = socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + socket.getPort();
    }
}
