package io.kafkarest.gateway.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

/**
 * Tells API requests from management requests (health): by port when {@code endpoints.all.port} is a port of its
 * own, else by Micronaut having routed the request (only the management endpoints and the gateway's own
 * {@link ApiDocsController} are routes). Every filter of the gateway asks this one rule.
 */
@Singleton
public class ApiPort {
    private final Integer managementPort;

    public ApiPort(@Property(name = "endpoints.all.port") @Nullable Integer managementPort,
                   @Property(name = "micronaut.server.port") @Nullable Integer serverPort) {
        this.managementPort = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort)
                ? managementPort : null;
    }

    /** Whether a connection accepted on {@code localPort} is one of the separate management port's. */
    public boolean isManagementPort(int localPort) {
        return managementPort != null && localPort == managementPort;
    }

    public boolean isManagementRequest(HttpRequest<?> request) {
        if (managementPort != null) {
            return request.getServerAddress().getPort() == managementPort;
        }
        return RouteAttributes.getRouteMatch(request).isPresent();
    }
}
