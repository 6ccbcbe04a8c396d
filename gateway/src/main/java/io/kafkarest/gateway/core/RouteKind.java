package io.kafkarest.gateway.core;

/** What the gateway does with a matched request besides choosing the service. */
public enum RouteKind {
    /** Streamed to any endpoint of the service (round robin). */
    FORWARD,
    /** {@code POST /consumers/{group}}: to any consume node; the gateway learns the owner and rewrites {@code base_uri}. */
    CONSUMER_CREATE,
    /** {@code /consumers/{group}/instances/{instance}/**}: to the node that owns the instance. */
    CONSUMER_INSTANCE
}
