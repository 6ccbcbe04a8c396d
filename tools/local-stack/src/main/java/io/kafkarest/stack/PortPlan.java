package io.kafkarest.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which ports the stack uses. The local stack has fixed, documented ports; tests take free ones so that two runs
 * (or a running local stack) never collide.
 */
public interface PortPlan {
    /** The API port of replica {@code replica} (0-based) of a service. */
    int apiPort(String service, int replica);

    /** The management (health) port of replica {@code replica} of a service. */
    int managementPort(String service, int replica);

    /**
     * Fixed ports: gateway 8080, admin 8081, produce 8082, consume 8083, connect 8084, registry 8085; further
     * replicas add 100 (8182, 8282 ...); management ports add 10 (8090 ...); Kafka 9092 and its
     * controller listener 9093.
     */
    static PortPlan fixed() {
        return new PortPlan() {
            @Override
            public int apiPort(String service, int replica) {
                return base(service) + 100 * replica;
            }

            @Override
            public int managementPort(String service, int replica) {
                // Kafka's second port is its KRaft controller listener
                return apiPort(service, replica) + (Services.KAFKA.equals(service) ? 1 : 10);
            }

            private int base(String service) {
                return switch (service) {
                    case Services.GATEWAY -> 8080;
                    case Services.ADMIN -> 8081;
                    case Services.PRODUCE -> 8082;
                    case Services.CONSUME -> 8083;
                    case Services.CONNECT -> 8084;
                    case Services.REGISTRY -> 8085;
                    case Services.KAFKA -> 9092;
                    default -> throw new IllegalArgumentException("Unknown service " + service);
                };
            }
        };
    }

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    /** Ports this JVM handed out already: never twice, even once their process has stopped. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Fresh free ports for every call. */
    static PortPlan free() {
        return new PortPlan() {
            @Override
            public int apiPort(String service, int replica) {
                return freePort();
            }

            @Override
            public int managementPort(String service, int replica) {
                return freePort();
            }
        };
    }

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768-60999): a port from that range, as the OS hands
     * out for {@code new ServerSocket(0)}, can be taken by an outgoing connection of a process already started
     * (the broker, a worker) between choosing it and binding it - it happened to the registry in a CI run.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                // in use: the next one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
