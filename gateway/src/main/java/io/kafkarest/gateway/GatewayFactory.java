package io.kafkarest.gateway;

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
}
