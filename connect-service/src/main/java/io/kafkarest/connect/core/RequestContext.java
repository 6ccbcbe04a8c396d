package io.kafkarest.connect.core;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What a herder operation needs to know about the client request that asked for it, to forward it to the leader
 * like Connect does: the {@code forward} query flag Connect workers set between themselves and the request headers
 * (the {@code Authorization} header is passed on; internal requests carry their signature in headers).
 *
 * @param forward null for a request from a client, false/true for a request forwarded by another worker
 * @param headers request headers, names in any case
 */
public record RequestContext(@Nullable Boolean forward, Map<String, List<String>> headers) {

    public static RequestContext of(@Nullable Boolean forward, Map<String, List<String>> headers) {
        return new RequestContext(forward, headers);
    }

    /** The headers as JAX-RS {@code HttpHeaders}, which is what Connect's request handling reads them as. */
    public jakarta.ws.rs.core.HttpHeaders jaxRsHeaders() {
        return new JaxRsHeaders(headers);
    }
}
