package io.kafkarest.gateway.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ConsumerPinningTest} with the pass-through lane off: consumer-instance requests then take Micronaut's
 * filter chain ({@link GatewayFilter}), as they do whenever Basic authentication or CORS is on.
 */
@MicronautTest
class ConsumerPinningThroughMicronautTest extends ConsumerPinningTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("gateway.pass-through.enabled", "false");
        return props;
    }
}
