package io.kafkarest.gateway.api;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;

/**
 * The gateway's own Netty handlers on every HTTP/1 connection of the API port, right after the HTTP decoder and
 * before Micronaut: first {@link MalformedTargetGuard}, then (when the lane is on) a {@link PassThroughHandler}.
 * Connections of a separate management port get neither.
 */
@Singleton
class ApiConnectionHandlers implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final BeanProvider<PassThrough> lane;
    private final ApiPort apiPort;

    ApiConnectionHandlers(BeanProvider<PassThrough> lane, ApiPort apiPort) {
        this.lane = lane;
        this.apiPort = apiPort;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(@Nullable Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null || channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null
                    || isManagementConnection(channel)) {
                return;
            }
            channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "malformed-target-guard",
                    new MalformedTargetGuard());
            PassThrough passThrough = lane.get();
            if (passThrough.enabled()) {
                channel.pipeline().addAfter("malformed-target-guard", "pass-through", new PassThroughHandler(passThrough));
                channel.config().setRecvByteBufAllocator(PassThrough.CLIENT_READS);
                channel.config().setWriteBufferWaterMark(PassThrough.CLIENT_WRITES);
            }
        }
    }

    private boolean isManagementConnection(Channel channel) {
        return channel.localAddress() instanceof InetSocketAddress local && apiPort.isManagementPort(local.getPort());
    }
}
