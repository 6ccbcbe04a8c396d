package io.kafkarest.gateway.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link GatewayProxyTest} with the pass-through lane off: every request takes Micronaut's filter chain and proxy
 * client ({@link GatewayFilter}, {@link BackendForwarder}), as with {@code GATEWAY_PASS_THROUGH_ENABLED=false}, and
 * as a request with Basic credentials not accepted before does.
 */
@MicronautTest
class GatewayProxyThroughMicronautTest extends GatewayProxyTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("gateway.pass-through.enabled", "false");
        return props;
    }

    /** Micronaut's proxy client reads the rest of the node's answer after the client has gone (it drains it). */
    @Override
    boolean closesTheNodesConnectionWithTheClients() {
        return false;
    }
}
