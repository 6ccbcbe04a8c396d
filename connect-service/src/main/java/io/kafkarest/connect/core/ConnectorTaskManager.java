package io.kafkarest.connect.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.distributed.Crypto;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task operations of a connector, plus the two internal operations workers send each other (task configs a
 * follower's connector generated, and zombie fencing for exactly-once source connectors), verified with the
 * request signature like Connect's {@code InternalClusterResource} does.
 */
@Singleton
public class ConnectorTaskManager {
    private static final TypeReference<List<Map<String, String>>> TASK_CONFIGS_TYPE = new TypeReference<>() { };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorTaskManager.class);

    private final HerderRequests requests;

    public ConnectorTaskManager(HerderRequests requests) {
        this.requests = requests;
    }

    public List<TaskInfo> taskConfigs(String connector) {
        FutureCallback<List<TaskInfo>> cb = new FutureCallback<>();
        requests.herder().taskConfigs(connector, cb);
        return requests.complete(cb);
    }

    public ConnectorStateInfo.TaskState taskStatus(String connector, int task) {
        return requests.herder().taskStatus(new ConnectorTaskId(connector, task));
    }

    public void restartTask(String connector, int task, RequestContext context) {
        FutureCallback<Void> cb = new FutureCallback<>();
        requests.herder().restartTask(new ConnectorTaskId(connector, task), cb);
        requests.completeOrForward(cb, ConnectorManager.path(connector) + "/tasks/" + task + "/restart", "POST",
                context, null);
    }

    /** Internal: the task configs a connector on another worker generated, signed with the session key. */
    public void putTaskConfigs(String connector, byte[] body, RequestContext context) {
        List<Map<String, String>> taskConfigs;
        try {
            taskConfigs = JSON.readValue(body, TASK_CONFIGS_TYPE);
        } catch (IOException e) {
            throw new BadRequestException("Invalid task configs in request body: " + e.getMessage());
        }
        LOG.debug("Task configs for {} from another worker ({} tasks)", connector, taskConfigs.size());
        FutureCallback<Void> cb = new FutureCallback<>();
        requests.herder().putTaskConfigs(connector, taskConfigs, cb, signature(body, context));
        requests.completeOrForward(cb, ConnectorManager.path(connector) + "/tasks", "POST", context, taskConfigs);
    }

    /** Internal: fence out zombie tasks of an exactly-once source connector before its new tasks start. */
    public void fenceZombies(String connector, byte[] body, RequestContext context) {
        FutureCallback<Void> cb = new FutureCallback<>();
        requests.herder().fenceZombieSourceTasks(connector, cb, signature(body, context));
        requests.completeOrForward(cb, ConnectorManager.path(connector) + "/fence", "PUT", context, null);
    }

    private static InternalRequestSignature signature(byte[] body, RequestContext context) {
        return InternalRequestSignature.fromHeaders(Crypto.SYSTEM, body, context.jaxRsHeaders());
    }
}
