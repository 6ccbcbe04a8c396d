package io.kafkarest.connect.core;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.LoggerLevel;
import org.apache.kafka.connect.runtime.rest.entities.ServerInfo;
import org.apache.kafka.connect.runtime.rest.entities.WorkerStatus;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.util.FutureCallback;
import org.apache.kafka.connect.util.StagedTimeoutException;
import org.apache.logging.log4j.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worker itself: version and cluster, Connect's own health check, and log levels (worker or cluster wide). */
@Singleton
public class WorkerManager {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerManager.class);

    private final ConnectRuntime runtime;

    public WorkerManager(ConnectRuntime runtime) {
        this.runtime = runtime;
    }

    public ServerInfo serverInfo() {
        return new ServerInfo(runtime.herder().kafkaClusterId());
    }

    /** Connect's health check: the herder thread answers a no-op request within 10 s. */
    public WorkerHealth health() {
        Herder herder;
        try {
            herder = runtime.herder();
        } catch (WorkerUnavailableException e) {
            return runtime.state() == ConnectRuntime.State.STARTING
                    ? new WorkerHealth(503, WorkerStatus.starting(e.getMessage()))
                    : new WorkerHealth(500, WorkerStatus.unhealthy(e.getMessage()));
        }
        FutureCallback<Void> cb = new FutureCallback<>();
        herder.healthCheck(cb);
        try {
            cb.get(HerderRequests.HEALTH_CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new WorkerHealth(200, WorkerStatus.healthy());
        } catch (TimeoutException e) {
            String details = e instanceof StagedTimeoutException staged ? staged.stage().summarize() : null;
            return herder.isReady()
                    ? new WorkerHealth(500, WorkerStatus.unhealthy(details))
                    : new WorkerHealth(503, WorkerStatus.starting(details));
        } catch (ExecutionException e) {
            throw HerderRequests.propagate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WorkerHealth(500, WorkerStatus.unhealthy("Health check interrupted"));
        }
    }

    public Map<String, LoggerLevel> loggers() {
        return runtime.herder().allLoggerLevels();
    }

    public LoggerLevel logger(String name) {
        LoggerLevel level = runtime.herder().loggerLevel(name);
        if (level == null) {
            throw new NotFoundException("Logger " + name + " not found.");
        }
        return level;
    }

    /**
     * Sets a log level on this worker only ({@code scope=worker}, the default; answers the loggers changed) or on
     * every worker of the cluster ({@code scope=cluster}; answers empty).
     */
    public List<String> setLevel(String namespace, Map<String, String> body, String scope) {
        String level = body == null ? null : body.get("level");
        if (level == null) {
            throw new BadRequestException("Desired 'level' parameter was not specified in request.");
        }
        if (Level.getLevel(level) == null) {
            throw new NotFoundException("invalid log level '" + level + "'.");
        }
        if (scope == null) {
            LOG.warn("Received null scope in request to adjust logging level; will default to {}", "worker");
            scope = "worker";
        }
        switch (scope.toLowerCase(Locale.ROOT)) {
            case "cluster" -> {
                runtime.herder().setClusterLoggerLevel(namespace, level);
                return null;
            }
            case "worker" -> {
                return runtime.herder().setWorkerLoggerLevel(namespace, level);
            }
            default -> {
                LOG.warn("Received invalid scope '{}' in request to adjust logging level; will default to {}",
                        scope, "worker");
                return runtime.herder().setWorkerLoggerLevel(namespace, level);
            }
        }
    }

    /** The answer of Connect's health check: an HTTP status and Connect's body for it. */
    public record WorkerHealth(int status, WorkerStatus body) {
    }
}
