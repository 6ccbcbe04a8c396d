package io.kafkarest.gateway.api;

import io.kafkarest.rest.AccessLogFilter;
import io.kafkarest.rest.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request whose target has a malformed percent escape ({@code GET /topics/%ZZ}) with 400 in the standard
 * error shape, right after the HTTP decoder: Micronaut would otherwise read such a target as {@code /} and the
 * gateway would route it to Connect's root. The answer carries an {@code X-Request-Id} and gets an access line, as
 * every answer of the filter chain does ({@link AccessLogFilter}). Installed by {@link ApiConnectionHandlers}.
 */
final class MalformedTargetGuard extends ChannelInboundHandlerAdapter {
    private boolean dropping;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            dropping = GatewayFilter.hasMalformedEscape(request.uri());
            if (dropping) {
                long start = System.nanoTime();
                String requestId = RequestIds.acceptOrGenerate(request.headers().get(RequestIds.HEADER));
                byte[] body = ("{\"error_code\":400,\"message\":\"Malformed percent-encoding in the request "
                        + "target: every % must be followed by two hexadecimal digits\"}")
                        .getBytes(StandardCharsets.UTF_8);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, "close")
                        .set(RequestIds.HEADER, requestId);
                AccessLogFilter.log(org.slf4j.event.Level.INFO, request.method().name(), request.uri(), 400,
                        java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), requestId);
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        if (dropping && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
