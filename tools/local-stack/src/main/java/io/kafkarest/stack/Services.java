package io.kafkarest.stack;

import java.util.List;

/** The names of the stack's parts, as used for replicas, logs and ports. */
public final class Services {
    public static final String KAFKA = "kafka";
    public static final String REGISTRY = "schema-registry";
    public static final String ADMIN = "admin-service";
    public static final String PRODUCE = "produce-service";
    public static final String CONSUME = "consume-service";
    public static final String CONNECT = "connect-service";
    public static final String GATEWAY = "gateway";

    /** The services behind the gateway, in start order. */
    public static final List<String> BACKENDS = List.of(ADMIN, PRODUCE, CONSUME, CONNECT);

    private Services() {
    }
}
