package io.kafkarest.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id every request carries ({@code X-Request-Id}): the one the client (or the gateway) sent when it is
 * sane - 1 to {@value #MAX_LENGTH} characters out of letters, digits and {@code -_.:@+=/~} - otherwise a new random
 * UUID. {@link AccessLogFilter} settles it once per request and keeps it as a request attribute; it is in the SLF4J
 * MDC under {@value #MDC_KEY} while the request is handled.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** The request attribute holding the settled id. */
    public static final String ATTRIBUTE = "io.kafkarest.request-id";
    public static final int MAX_LENGTH = 128;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9\\-_.:@+=/~]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** The id a request sent, if it is sane; else a new one. */
    public static String acceptOrGenerate(@Nullable String sent) {
        return isValid(sent) ? sent : generate();
    }

    public static boolean isValid(@Nullable String id) {
        return id != null && SANE.matcher(id).matches();
    }

    /**
     * A random (version 4) UUID from {@link java.util.concurrent.ThreadLocalRandom}: a request id needs to be unique,
     * not unguessable, and {@link UUID#randomUUID()}'s secure generator is shared by all threads and costs a lock
     * and a digest per id.
     */
    public static String generate() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The id settled for this request (by {@link AccessLogFilter}), else the sane one it sent, else null. */
    @Nullable
    public static String of(HttpRequest<?> request) {
        String settled = request.getAttribute(ATTRIBUTE, String.class).orElse(null);
        if (settled != null) {
            return settled;
        }
        String sent = request.getHeaders().get(HEADER);
        return isValid(sent) ? sent : null;
    }
}
