package io.kafkarest.connect;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test helpers: settings for a Connect worker of its own (unique group and topics) and the HTTP client to it. */
public final class ConnectTestSupport {
    /** HTTP to workers: absolute URLs, JSON bodies; Connect may take long to answer while a group rebalances. */
    public static final TestHttp HTTP = TestHttp.json("").withTimeout(Duration.ofSeconds(100));

    private ConnectTestSupport() {
    }

    /** Properties of a service whose worker is alone in a fresh Connect group on the test broker. */
    public static Map<String, String> workerProperties(String groupSuffix) {
        String id = groupSuffix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        props.put("micronaut.server.port", String.valueOf(FreePorts.next()));
        props.put("endpoints.all.port", String.valueOf(FreePorts.next()));
        props.put("connect.group-id", "connect-" + id);
        props.put("connect.config-storage-topic", "connect-configs-" + id);
        props.put("connect.offset-storage-topic", "connect-offsets-" + id);
        props.put("connect.status-storage-topic", "connect-status-" + id);
        props.put("connect.worker.offset.storage.partitions", "1");
        props.put("connect.worker.status.storage.partitions", "1");
        return props;
    }

    /** Waits until the worker has joined its group and answers Connect's health check. */
    public static void awaitWorkerReady(String baseUrl) {
        Wait.until(Duration.ofSeconds(60), "Connect worker at " + baseUrl + " healthy",
                () -> HTTP.get(baseUrl + "/health").status() == 200);
    }
}
