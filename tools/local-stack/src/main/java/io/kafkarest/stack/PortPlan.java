package io.kafkarest.stack;

/**
 * Which ports the stack uses. The local stack has fixed, documented ports; tests pass a plan of free ones (from
 * test-support's {@code FreePorts}) so that two runs (or a running local stack) never collide.
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
}
