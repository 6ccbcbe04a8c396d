package io.kafkarest.gateway;

import io.kafkarest.gateway.core.ConsumerPins;
import io.kafkarest.gateway.core.GatewayConfiguration;
import io.kafkarest.gateway.core.RouteTable;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The gateway's plain (framework-free) core objects as beans. */
@Factory
public class GatewayFactory {

    @Singleton
    RouteTable routeTable() {
        return RouteTable.standard();
    }

    @Singleton
    ConsumerPins consumerPins(GatewayConfiguration config) {
        return new ConsumerPins(config.getPinIdleTimeout(), config.getPinMaxEntries());
    }
}
