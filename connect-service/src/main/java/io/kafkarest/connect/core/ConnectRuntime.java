package io.kafkarest.connect.core;

import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.rest.RestClient;

/**
 * The running Kafka Connect worker this service fronts: Connect's own {@link Herder} (the one interface every
 * Connect REST operation goes through), the worker's configuration, and the client it forwards requests with.
 * Every accessor fails with a {@link WorkerUnavailableException} (503) while the worker is still starting, after it
 * failed or once it stopped.
 */
public interface ConnectRuntime {

    Herder herder();

    WorkerConfig workerConfig();

    RestClient restClient();

    /** Where the worker is in its life: STARTING, RUNNING, FAILED or STOPPED. */
    State state();

    enum State { STARTING, RUNNING, FAILED, STOPPED }
}
