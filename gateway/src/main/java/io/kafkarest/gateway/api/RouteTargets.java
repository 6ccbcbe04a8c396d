package io.kafkarest.gateway.api;

import io.kafkarest.gateway.backend.BackendDirectory;
import io.kafkarest.gateway.backend.BackendFailure;
import io.kafkarest.gateway.backend.ConsumerOwners;
import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.gateway.core.GatewayMetrics;
import io.kafkarest.gateway.core.PathPattern;
import io.kafkarest.gateway.core.RouteKind;
import io.kafkarest.gateway.core.RouteMatch;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where a matched request is sent and what the node's answer or failure means, for both ways a request is proxied
 * ({@link GatewayFilter} through Micronaut, {@link PassThroughHandler} below it): a {@link RouteKind#FORWARD} request
 * goes to the next replica of its service, and one that could not reach its replica may be tried on the next; a
 * {@link RouteKind#CONSUMER_INSTANCE} request goes to the node that owns the instance, and that node's 404, its
 * deletes and its absence keep the pin table ({@link ConsumerOwners}) right.
 */
@Singleton
class RouteTargets {
    /** How many other replicas a request that could not reach one is tried on. */
    static final int RETRIES = 2;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final BackendDirectory backends;
    private final ConsumerOwners owners;
    private final GatewayMetrics metrics;

    RouteTargets(BackendDirectory backends, ConsumerOwners owners, GatewayMetrics metrics) {
        this.backends = backends;
        this.owners = owners;
        this.metrics = metrics;
    }

    /**
     * The node to send the request to. Fails with a {@link io.kafkarest.rest.RestException} to answer as it is: 404
     * 40403 for a consumer instance no node has, 502/503 when the service has no node.
     */
    CompletableFuture<Endpoint> nodeFor(RouteMatch route) {
        if (route.kind() != RouteKind.CONSUMER_INSTANCE) {
            return backends.next(route.service());
        }
        ConsumerInstanceKey key = instanceOf(route);
        return owners.locate(key).thenCompose(owner -> {
            if (owner.isPresent()) {
                return CompletableFuture.completedFuture(owner.get());
            }
            // nobody has it - unless there is no consume node at all (then next() fails with 502/503)
            return backends.all(BackendService.CONSUME).thenCompose(nodes -> nodes.isEmpty()
                    ? backends.next(BackendService.CONSUME).thenApply(ignored -> {
                        throw GatewayErrors.consumerInstanceNotFound(key);
                    })
                    : CompletableFuture.failedFuture(GatewayErrors.consumerInstanceNotFound(key)));
        });
    }

    /** Whether a request that could not reach a node may be sent to another: idempotent, to any replica. */
    static boolean mayRetry(String method, RouteMatch route) {
        return route.kind() == RouteKind.FORWARD && IDEMPOTENT.contains(method);
    }

    /** The node answered {@code status}. */
    void answered(RouteMatch route, String method, String rawPath, Endpoint node, int status) {
        if (route.kind() != RouteKind.CONSUMER_INSTANCE) {
            return;
        }
        ConsumerInstanceKey key = instanceOf(route);
        boolean deletesInstance = method.equals("DELETE") && PathPattern.segmentsOf(rawPath).size() == 4;
        if (deletesInstance && status >= 200 && status < 300) {
            owners.deleted(key);
        } else if (status == 404) {
            owners.lost(key, node); // asked again next time; cheap
        }
    }

    /**
     * The request could not reach {@code node} and {@code retriesLeft} allows another try: whether to send it to the
     * next replica (the node is skipped for a while either way).
     */
    boolean retryElsewhere(RouteMatch route, Endpoint node, Throwable error, int retriesLeft) {
        if (route.kind() != RouteKind.FORWARD || !BackendFailure.of(error).unreachable()) {
            return false;
        }
        backends.reportUnreachable(node);
        if (retriesLeft <= 0) {
            return false;
        }
        metrics.retried(route.service(), node);
        return true;
    }

    /** The answer for a request whose node failed (and is not tried elsewhere). */
    MutableHttpResponse<?> failure(RouteMatch route, Endpoint node, Throwable error) {
        metrics.backendFailed(route.service(), node);
        if (route.kind() == RouteKind.CONSUMER_INSTANCE && BackendFailure.of(error).unreachable()) {
            ConsumerInstanceKey key = instanceOf(route);
            owners.lost(key, node);
            return GatewayErrors.consumerOwnerGone(key, node);
        }
        return GatewayErrors.backendFailed(route.service(), node, error);
    }

    private static ConsumerInstanceKey instanceOf(RouteMatch route) {
        return new ConsumerInstanceKey(route.variable("group"), route.variable("instance"));
    }
}
