package io.kafkarest.gateway.core;

/** The four services behind the gateway; {@link #id()} is the compose service name and the config key. */
public enum BackendService {
    ADMIN("admin-service"),
    PRODUCE("produce-service"),
    CONSUME("consume-service"),
    CONNECT("connect-service");

    private final String id;

    BackendService(String id) {
        this.id = id;
    }

    /** e.g. {@code produce-service}; config {@code gateway.services.<id>.urls}. */
    public String id() {
        return id;
    }
}
