package io.kafkarest.gateway.backend;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/** Why a call to a backend failed, from the exception the HTTP client raised. */
public enum BackendFailure {
    /** Nothing listens (connection refused / no route). */
    CONNECTION_REFUSED,
    /** The host name does not resolve. */
    UNRESOLVABLE,
    /** No connection within the connect timeout. */
    CONNECT_TIMEOUT,
    /** Connected, but no (complete) answer within the read timeout. */
    READ_TIMEOUT,
    /** Anything else (connection closed early, protocol error ...). */
    OTHER;

    public static BackendFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.netty.channel.ConnectTimeoutException) {
                return CONNECT_TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return CONNECTION_REFUSED;
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return UNRESOLVABLE;
            }
            if (t instanceof io.micronaut.http.client.exceptions.ReadTimeoutException
                    || t instanceof io.netty.handler.timeout.ReadTimeoutException
                    || t instanceof TimeoutException) {
                return READ_TIMEOUT;
            }
        }
        return OTHER;
    }

    /** The node could not be reached at all (as opposed to: reached but slow or misbehaving). */
    public boolean unreachable() {
        return this == CONNECTION_REFUSED || this == UNRESOLVABLE || this == CONNECT_TIMEOUT;
    }

    public boolean timeout() {
        return this == CONNECT_TIMEOUT || this == READ_TIMEOUT;
    }

    /** A short human reason, e.g. {@code Connection refused: /127.0.0.1:8082}. */
    public static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (root instanceof TimeoutException || root instanceof io.netty.handler.timeout.ReadTimeoutException) {
            message = error.getMessage();
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
