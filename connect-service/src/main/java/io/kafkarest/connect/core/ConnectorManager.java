package io.kafkarest.connect.core;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ActiveTopicsInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector operations, each one herder call as Connect's {@code ConnectorsResource} makes it: reads are answered by
 * this worker, writes that need the leader are forwarded to it.
 */
@Singleton
public class ConnectorManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorManager.class);

    private final HerderRequests requests;
    private final ConnectRuntime runtime;

    public ConnectorManager(HerderRequests requests, ConnectRuntime runtime) {
        this.requests = requests;
        this.runtime = runtime;
    }

    public Collection<String> connectors() {
        return herder().connectors();
    }

    /**
     * Every connector with the requested expansions ({@code status}, {@code info}); unknown expansions are ignored
     * and a connector deleted meanwhile is left out, as Connect does.
     */
    public Map<String, Map<String, Object>> expandedConnectors(List<String> expansions) {
        Herder herder = herder();
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (String connector : herder.connectors()) {
            try {
                Map<String, Object> expanded = new HashMap<>();
                for (String expansion : expansions) {
                    switch (expansion) {
                        case "status" -> expanded.put("status", herder.connectorStatus(connector));
                        case "info" -> expanded.put("info", herder.connectorInfo(connector));
                        default -> LOG.info("Ignoring unknown expansion type {}", expansion);
                    }
                }
                out.put(connector, expanded);
            } catch (NotFoundException e) {
                LOG.debug("Unable to get connector info for {} on this worker", connector);
            }
        }
        return out;
    }

    public Herder.Created<ConnectorInfo> create(CreateConnectorRequest request, RequestContext context) {
        String name = request.name() == null ? "" : request.name().trim();
        Map<String, String> config = requireConfig(request.config());
        checkAndPutName(name, config);
        CreateConnectorRequest normalized = new CreateConnectorRequest(name, config, request.initialState());
        FutureCallback<Herder.Created<ConnectorInfo>> cb = new FutureCallback<>();
        herder().putConnectorConfig(name, config, normalized.initialTargetState(), false, cb);
        return requests.completeOrForwardCreated(cb, "/connectors", "POST", context, normalized);
    }

    public ConnectorInfo connectorInfo(String connector) {
        FutureCallback<ConnectorInfo> cb = new FutureCallback<>();
        herder().connectorInfo(connector, cb);
        return requests.complete(cb);
    }

    public Map<String, String> connectorConfig(String connector) {
        FutureCallback<Map<String, String>> cb = new FutureCallback<>();
        herder().connectorConfig(connector, cb);
        return requests.complete(cb);
    }

    public Herder.Created<ConnectorInfo> putConfig(String connector, Map<String, String> config,
                                                   RequestContext context) {
        Map<String, String> checked = requireConfig(config);
        checkAndPutName(connector, checked);
        FutureCallback<Herder.Created<ConnectorInfo>> cb = new FutureCallback<>();
        herder().putConnectorConfig(connector, checked, true, cb);
        return requests.completeOrForwardCreated(cb, path(connector) + "/config", "PUT", context, checked);
    }

    public ConnectorInfo patchConfig(String connector, Map<String, String> patch, RequestContext context) {
        Map<String, String> checked = requireConfig(patch);
        FutureCallback<Herder.Created<ConnectorInfo>> cb = new FutureCallback<>();
        herder().patchConnectorConfig(connector, checked, cb);
        return requests.completeOrForwardCreated(cb, path(connector) + "/config", "PATCH", context, checked).result();
    }

    public ConnectorStateInfo status(String connector) {
        return herder().connectorStatus(connector);
    }

    public ActiveTopicsInfo activeTopics(String connector) {
        requireTopicTracking(false);
        return herder().connectorActiveTopics(connector);
    }

    public void resetActiveTopics(String connector) {
        requireTopicTracking(true);
        herder().resetConnectorActiveTopics(connector);
    }

    /**
     * Restarts a connector. Without {@code includeTasks}/{@code onlyFailed} only the connector instance restarts and
     * there is no state to report (empty); otherwise the connector and task states after the restart request.
     */
    public Optional<ConnectorStateInfo> restart(String connector, boolean includeTasks, boolean onlyFailed,
                                                RequestContext context) {
        RestartRequest restartRequest = new RestartRequest(connector, onlyFailed, includeTasks);
        String forwardPath = path(connector) + "/restart";
        if (restartRequest.forceRestartConnectorOnly()) {
            FutureCallback<Void> cb = new FutureCallback<>();
            herder().restartConnector(connector, cb);
            requests.completeOrForward(cb, forwardPath, "POST", context, null);
            return Optional.empty();
        }
        FutureCallback<ConnectorStateInfo> cb = new FutureCallback<>();
        herder().restartConnectorAndTasks(restartRequest, cb);
        Map<String, String> query = Map.of("includeTasks", String.valueOf(includeTasks),
                "onlyFailed", String.valueOf(onlyFailed));
        return Optional.of(requests.completeOrForward(cb, forwardPath, "POST", context, query, null,
                new TypeReference<ConnectorStateInfo>() { }));
    }

    public void stop(String connector, RequestContext context) {
        FutureCallback<Void> cb = new FutureCallback<>();
        herder().stopConnector(connector, cb);
        requests.completeOrForward(cb, path(connector) + "/stop", "PUT", context, null);
    }

    public void pause(String connector) {
        herder().pauseConnector(connector);
    }

    public void resume(String connector) {
        herder().resumeConnector(connector);
    }

    public void delete(String connector, RequestContext context) {
        FutureCallback<Herder.Created<ConnectorInfo>> cb = new FutureCallback<>();
        herder().deleteConnectorConfig(connector, cb);
        requests.completeOrForward(cb, path(connector), "DELETE", context, null);
    }

    public ConnectorOffsets offsets(String connector) {
        FutureCallback<ConnectorOffsets> cb = new FutureCallback<>();
        herder().connectorOffsets(connector, cb);
        return requests.complete(cb);
    }

    public Message alterOffsets(String connector, ConnectorOffsets offsets, RequestContext context) {
        if (offsets == null || offsets.offsets() == null || offsets.offsets().isEmpty()) {
            throw new BadRequestException("Partitions / offsets need to be provided for an alter offsets request");
        }
        FutureCallback<Message> cb = new FutureCallback<>();
        herder().alterConnectorOffsets(connector, offsets.toMap(), cb);
        return requests.completeOrForward(cb, path(connector) + "/offsets", "PATCH", context, null, offsets,
                new TypeReference<Message>() { });
    }

    public Message resetOffsets(String connector, RequestContext context) {
        FutureCallback<Message> cb = new FutureCallback<>();
        herder().resetConnectorOffsets(connector, cb);
        return requests.completeOrForward(cb, path(connector) + "/offsets", "DELETE", context, null, null,
                new TypeReference<Message>() { });
    }

    static String path(String connector) {
        return "/connectors/" + connector;
    }

    private Herder herder() {
        return requests.herder();
    }

    private void requireTopicTracking(boolean reset) {
        WorkerConfig config = runtime.workerConfig();
        if (!config.getBoolean(WorkerConfig.TOPIC_TRACKING_ENABLE_CONFIG)) {
            throw new ConnectRestException(403, "Topic tracking is disabled.");
        }
        if (reset && !config.getBoolean(WorkerConfig.TOPIC_TRACKING_ALLOW_RESET_CONFIG)) {
            throw new ConnectRestException(403, "Topic tracking reset is disabled.");
        }
    }

    private static Map<String, String> requireConfig(Map<String, String> config) {
        if (config == null) {
            throw new BadRequestException("config may not be empty");
        }
        return new LinkedHashMap<>(config);
    }

    /** The name in the config must match the one in the URL; a config without one gets it. */
    private static void checkAndPutName(String name, Map<String, String> config) {
        String included = config.get(ConnectorConfig.NAME_CONFIG);
        if (included == null) {
            config.put(ConnectorConfig.NAME_CONFIG, name);
        } else if (!included.equals(name)) {
            throw new BadRequestException("Connector name configuration (" + included
                    + ") doesn't match connector name in the URL (" + name + ")");
        }
    }
}
