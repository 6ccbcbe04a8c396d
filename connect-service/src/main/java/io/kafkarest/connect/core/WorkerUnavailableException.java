package io.kafkarest.connect.core;

/**
 * The Kafka Connect worker cannot serve a request: it is still starting, it failed, or it is stopped
 * ({@link ConnectRuntime#state()} says which). The api maps it to 503.
 */
public class WorkerUnavailableException extends RuntimeException {

    public WorkerUnavailableException(String message) {
        super(message);
    }
}
