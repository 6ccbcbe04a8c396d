package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.Endpoint;
import io.micronaut.context.annotation.Value;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keep-alive HTTP/1.1 connections to the backend nodes for the {@link PassThroughHandler}: per event loop and node,
 * the idle ones are kept and reused, so that a client connection and the backend connections it uses share one
 * thread (no locks, no hand-over between threads). A connection idle for longer than {@link #MAX_IDLE} is closed
 * rather than reused: the node may be closing it at the same moment.
 */
@Singleton
class BackendChannels {
    static final Duration MAX_IDLE = Duration.ofSeconds(30);
    /** Idle connections kept per event loop and node; more are closed when released. */
    private static final int MAX_IDLE_PER_NODE = 64;
    private static final int MAX_RESPONSE_HEADER_SIZE = 64 * 1024;
    private static final int MAX_CHUNK_SIZE = 1024 * 1024;

    private final FastThreadLocal<Map<String, ArrayDeque<Idle>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<String, ArrayDeque<Idle>> initialValue() {
            return new HashMap<>();
        }
    };
    private final int connectTimeoutMillis;

    BackendChannels(@Value("${micronaut.http.client.connect-timeout:5s}") Duration connectTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    }

    /**
     * A connection to {@code node} on {@code loop}: an idle one, or a new one (then {@link Lease#reused} is false);
     * always a new one when {@code fresh}.
     */
    Future<Lease> acquire(EventLoop loop, Class<? extends Channel> type, Endpoint node, boolean fresh) {
        Promise<Lease> promise = loop.newPromise();
        ArrayDeque<Idle> kept = fresh ? null : idle.get().get(node.baseUri());
        long now = System.nanoTime();
        for (Idle candidate; kept != null && (candidate = kept.pollLast()) != null; ) {
            if (candidate.channel.isActive() && now - candidate.since < MAX_IDLE.toNanos()) {
                return promise.setSuccess(new Lease(candidate.channel, true));
            }
            candidate.channel.close();
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channelFactory(new ReflectiveChannelFactory<>(type))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, PassThrough.SOCKET_READS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("http-client-codec",
                                new HttpClientCodec(4096, MAX_RESPONSE_HEADER_SIZE, MAX_CHUNK_SIZE));
                        ch.pipeline().addLast(ExchangeLink.NAME, new ExchangeLink());
                    }
                })
                .connect(node.address(), node.port());
        connect.addListener(f -> {
            if (f.isSuccess()) {
                promise.setSuccess(new Lease(connect.channel(), false));
            } else {
                promise.setFailure(f.cause());
            }
        });
        return promise;
    }

    /** Gives a connection back after a complete exchange; called on its event loop. */
    void release(Channel channel, Endpoint node) {
        ExchangeLink.of(channel).exchange = null;
        channel.config().setAutoRead(true);
        ArrayDeque<Idle> kept = idle.get().computeIfAbsent(node.baseUri(), k -> new ArrayDeque<>());
        if (!channel.isActive() || kept.size() >= MAX_IDLE_PER_NODE) {
            channel.close();
            return;
        }
        kept.addLast(new Idle(channel, System.nanoTime()));
    }

    /** What happens on a connection while an exchange has it. */
    interface ExchangeSink {
        void backendRead(Object msg);

        void backendReadComplete();

        void backendWritabilityChanged();

        void backendClosed(Throwable cause);
    }

    /** A connection handed out; {@code reused} when it has carried an exchange before. */
    record Lease(Channel channel, boolean reused) {
    }

    private record Idle(Channel channel, long since) {
    }

    /** Last handler of a backend connection: hands what arrives to the exchange that has the connection. */
    static final class ExchangeLink extends ChannelInboundHandlerAdapter {
        static final String NAME = "pass-through-exchange";
        ExchangeSink exchange;

        static ExchangeLink of(Channel channel) {
            return (ExchangeLink) channel.pipeline().get(NAME);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (exchange != null) {
                exchange.backendRead(msg);
            } else {
                io.netty.util.ReferenceCountUtil.release(msg); // nothing is expected on an idle connection
                ctx.close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (exchange != null) {
                exchange.backendReadComplete();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (exchange != null) {
                exchange.backendWritabilityChanged();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (exchange != null) {
                exchange.backendClosed(new java.nio.channels.ClosedChannelException());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (exchange != null) {
                exchange.backendClosed(cause);
            }
            ctx.close();
        }
    }
}
