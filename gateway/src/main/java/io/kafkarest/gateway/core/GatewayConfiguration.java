package io.kafkarest.gateway.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code gateway.*} settings (the per-service URL lists {@code gateway.services.<service>.urls} are read by the
 * backend directory).
 */
@ConfigurationProperties("gateway")
public class GatewayConfiguration {
    private String externalUrl;
    private Duration dnsRefreshInterval = Duration.ofSeconds(5);
    private Duration ownerLookupTimeout = Duration.ofSeconds(2);
    private Duration pinIdleTimeout = Duration.ofMinutes(10);
    private int pinMaxEntries = 100_000;
    private Duration endpointFailureBackoff = Duration.ofSeconds(5);
    private long bufferedRequestBodyLimit = 1024 * 1024;

    /** The URL clients use to reach the gateway ({@code GATEWAY_EXTERNAL_URL}); blank = derived per request. */
    @Nullable
    public String getExternalUrl() {
        return externalUrl == null || externalUrl.isBlank() ? null : externalUrl.strip().replaceAll("/+$", "");
    }

    public void setExternalUrl(@Nullable String externalUrl) {
        this.externalUrl = externalUrl;
    }

    /** How often every service host name is resolved again. */
    public Duration getDnsRefreshInterval() {
        return dnsRefreshInterval;
    }

    public void setDnsRefreshInterval(Duration dnsRefreshInterval) {
        this.dnsRefreshInterval = dnsRefreshInterval;
    }

    /** How long the gateway waits for consume nodes to say whether they own an unknown consumer instance. */
    public Duration getOwnerLookupTimeout() {
        return ownerLookupTimeout;
    }

    public void setOwnerLookupTimeout(Duration ownerLookupTimeout) {
        this.ownerLookupTimeout = ownerLookupTimeout;
    }

    /** A pin unused for this long is forgotten (keep it above the consumer instance timeout). */
    public Duration getPinIdleTimeout() {
        return pinIdleTimeout;
    }

    public void setPinIdleTimeout(Duration pinIdleTimeout) {
        this.pinIdleTimeout = pinIdleTimeout;
    }

    /** Upper bound of the pin table; the least recently used pins go first. */
    public int getPinMaxEntries() {
        return pinMaxEntries;
    }

    public void setPinMaxEntries(int pinMaxEntries) {
        this.pinMaxEntries = pinMaxEntries;
    }

    /** After a connection failure an endpoint is skipped by round robin for this long (unless all are failing). */
    public Duration getEndpointFailureBackoff() {
        return endpointFailureBackoff;
    }

    public void setEndpointFailureBackoff(Duration endpointFailureBackoff) {
        this.endpointFailureBackoff = endpointFailureBackoff;
    }

    /**
     * Request bodies with a {@code Content-Length} up to this many bytes are collected before they are sent to the
     * backend (so that its connection can be reused at once); longer and chunked bodies are streamed.
     */
    public long getBufferedRequestBodyLimit() {
        return bufferedRequestBodyLimit;
    }

    public void setBufferedRequestBodyLimit(long bufferedRequestBodyLimit) {
        this.bufferedRequestBodyLimit = bufferedRequestBodyLimit;
    }
}
