package io.kafkarest.connect.kafka;

import io.kafkarest.connect.core.ConnectRuntime;
import io.kafkarest.connect.core.WorkerUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.WorkerConfigTransformer;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.storage.ConfigBackingStore;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.KafkaConfigBackingStore;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.connect.storage.KafkaStatusBackingStore;
import org.apache.kafka.connect.storage.StatusBackingStore;
import org.apache.kafka.connect.util.ConnectUtils;
import org.apache.kafka.connect.util.SharedTopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Kafka Connect distributed runtime, embedded: {@code Plugins}, {@code DistributedConfig}, the three
 * Kafka-backed stores, {@code Worker} and {@code DistributedHerder}, wired as Connect's own
 * {@code ConnectDistributed} does, with this service's HTTP server in place of Connect's REST server (its URL is
 * the worker's advertised URL, where other workers forward requests to).
 * <p>
 * It starts once the HTTP server listens (its port is part of the advertised URL), on its own thread so a Kafka
 * cluster that is not reachable yet does not hold up the service: until the herder exists the API answers 503.
 * It stops with the application: the herder stops the worker, the stores and the shared admin client.
 */
@Singleton
public class EmbeddedConnectRuntime implements ConnectRuntime, ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnectRuntime.class);
    private static final long CLUSTER_ID_RETRY_MS = 2_000;
    private static final long CLUSTER_ID_TIMEOUT_MS = 10_000;

    private final ConnectSettings settings;
    private final WorkerProperties workerProperties;
    /**
     * Where the worker's Kafka clients publish their metrics (see {@link ConnectClientMeters}), if metrics are on;
     * looked up when the worker starts, as the registry's binders (ConnectorMetrics) need this runtime.
     */
    private final BeanProvider<MeterRegistry> meterRegistry;
    private volatile MeterRegistry clientMeterRegistry;
    private final BiConsumer<Integer, String> exitListener = (status, message) -> fail(
            new IllegalStateException("Kafka Connect requested JVM exit with status " + status
                    + (message == null ? "" : ": " + message)));

    private volatile State state = State.STARTING;
    private volatile Started started;
    private volatile Throwable failure;
    private Thread starter;
    private boolean startRequested;

    public EmbeddedConnectRuntime(ConnectSettings settings, WorkerProperties workerProperties,
                                  BeanProvider<MeterRegistry> meterRegistry) {
        this.settings = settings;
        this.workerProperties = workerProperties;
        this.meterRegistry = meterRegistry;
    }

    private record Started(DistributedHerder herder, DistributedConfig config, RestClient restClient,
                           String advertisedUrl) {
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        start(settings.advertisedUrlIfSet().orElseGet(() -> defaultAdvertisedUrl(server.getScheme(), server.getPort())));
    }

    /** Builds and starts the worker in the background; once only. */
    public synchronized void start(String advertisedUrl) {
        if (startRequested) {
            return;
        }
        startRequested = true;
        ExitGuard.install(exitListener);
        starter = new Thread(() -> buildAndStart(advertisedUrl), "connect-runtime-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public Herder herder() {
        return running().herder();
    }

    @Override
    public WorkerConfig workerConfig() {
        return running().config();
    }

    @Override
    public RestClient restClient() {
        return running().restClient();
    }

    @Override
    public State state() {
        Started s = started;
        if (state == State.RUNNING && s != null && s.herder().herderTask() != null && s.herder().herderTask().isDone()) {
            fail(new IllegalStateException("The Connect herder thread has ended"));
        }
        return state;
    }

    /** Why the worker failed, if it did. */
    public Throwable failure() {
        return failure;
    }

    /** The URL other workers reach this one at (null until started). */
    public String advertisedUrl() {
        Started s = started;
        return s == null ? null : s.advertisedUrl();
    }

    private Started running() {
        Started s = started;
        State current = state();
        if (current == State.RUNNING && s != null) {
            return s;
        }
        if (current == State.FAILED) {
            Throwable cause = failure;
            throw new WorkerUnavailableException("The Kafka Connect worker failed"
                    + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        if (current == State.STOPPED) {
            throw new WorkerUnavailableException("The Kafka Connect worker is stopped");
        }
        throw new WorkerUnavailableException("The Kafka Connect worker is starting");
    }

    private void buildAndStart(String advertisedUrl) {
        long begin = System.currentTimeMillis();
        List<AutoCloseable> built = new ArrayList<>();
        try {
            Map<String, String> props = workerProperties.asMap();
            clientMeterRegistry = meterRegistry.isPresent() ? meterRegistry.get() : null;
            ConnectClientMeters.use(clientMeterRegistry);
            Plugins plugins = new Plugins(props);
            try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
                DistributedConfig config = new DistributedConfig(props);
                String kafkaClusterId = lookupClusterId(config);
                RestClient restClient = new RestClient(config);
                URI url = URI.create(advertisedUrl);
                String workerId = url.getHost() + ":" + url.getPort();

                String clientIdBase = ConnectUtils.clientIdBase(config);
                Map<String, Object> adminProps = new HashMap<>(config.originals());
                ConnectUtils.addMetricsContextProperties(adminProps, config, kafkaClusterId);
                adminProps.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientIdBase + "shared-admin");
                SharedTopicAdmin sharedAdmin = new SharedTopicAdmin(adminProps);
                built.add(sharedAdmin);

                KafkaOffsetBackingStore offsetStore = new KafkaOffsetBackingStore(sharedAdmin, () -> clientIdBase,
                        plugins.newInternalConverter(true, JsonConverter.class.getName(),
                                Map.of("schemas.enable", "false")));
                offsetStore.configure(config);

                ConnectorClientConfigOverridePolicy overridePolicy = plugins.newPlugin(
                        config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG), config,
                        ConnectorClientConfigOverridePolicy.class);

                Worker worker = new Worker(workerId, Time.SYSTEM, plugins, config, offsetStore, overridePolicy);
                WorkerConfigTransformer configTransformer = worker.configTransformer();
                Converter internalValueConverter = worker.getInternalValueConverter();

                StatusBackingStore statusStore = new KafkaStatusBackingStore(Time.SYSTEM, internalValueConverter,
                        sharedAdmin, clientIdBase);
                statusStore.configure(config);
                ConfigBackingStore configStore = new KafkaConfigBackingStore(internalValueConverter, config,
                        configTransformer, sharedAdmin, clientIdBase);

                // the herder closes the shared admin client when it stops
                DistributedHerder herder = new DistributedHerder(config, Time.SYSTEM, worker, kafkaClusterId,
                        statusStore, configStore, advertisedUrl, restClient, overridePolicy, List.of(), sharedAdmin);
                synchronized (this) {
                    if (state != State.STARTING) {
                        throw new InterruptedException("stopped while starting");
                    }
                    herder.start();
                    started = new Started(herder, config, restClient, advertisedUrl);
                    state = State.RUNNING;
                }
                LOG.info("Kafka Connect worker {} started in {} ms: group '{}', Kafka cluster {}, advertised URL {}",
                        workerId, System.currentTimeMillis() - begin, config.groupId(), kafkaClusterId,
                        advertisedUrl);
            }
        } catch (InterruptedException e) {
            LOG.info("Kafka Connect worker start abandoned: the service is stopping");
            built.forEach(c -> Utils.closeQuietly(c, "connect runtime part"));
        } catch (Throwable t) {
            built.forEach(c -> Utils.closeQuietly(c, "connect runtime part"));
            fail(t);
        }
    }

    /**
     * The Kafka cluster id. Kafka may not be up yet when the service starts, so this first waits until the cluster
     * answers, asking with bounded timeouts (Connect's own lookup waits without a bound and cannot be interrupted
     * quickly), then takes Connect's lookup, which the worker's parts share.
     */
    private String lookupClusterId(DistributedConfig config) throws InterruptedException {
        Map<String, Object> probeProps = new HashMap<>(config.originals());
        probeProps.put(AdminClientConfig.CLIENT_ID_CONFIG, ConnectUtils.clientIdBase(config) + "startup-probe");
        probeProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CLUSTER_ID_TIMEOUT_MS);
        probeProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CLUSTER_ID_TIMEOUT_MS);
        while (true) {
            Admin probe = Admin.create(probeProps);
            try {
                probe.describeCluster(new DescribeClusterOptions().timeoutMs((int) CLUSTER_ID_TIMEOUT_MS))
                        .clusterId().get(CLUSTER_ID_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS);
                return config.kafkaClusterId();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.warn("Kafka cluster not reachable at {} yet ({}); retrying in {} ms", config.bootstrapServers(),
                        cause.getMessage(), CLUSTER_ID_RETRY_MS);
            } finally {
                probe.close(Duration.ZERO);
            }
            if (state != State.STARTING) {
                throw new InterruptedException("stopped while looking up the Kafka cluster id");
            }
            Thread.sleep(CLUSTER_ID_RETRY_MS);
        }
    }

    private void fail(Throwable cause) {
        synchronized (this) {
            if (state == State.FAILED || state == State.STOPPED) {
                return;
            }
            failure = cause;
            state = State.FAILED;
        }
        LOG.error("The embedded Kafka Connect worker FAILED; the Connect API answers 503 until the service restarts",
                cause);
    }

    @PreDestroy
    public void stop() {
        Thread startingThread;
        Started running;
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            startingThread = starter;
            running = started;
        }
        if (startingThread != null && startingThread.isAlive()) {
            startingThread.interrupt();
            try {
                startingThread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (running != null) {
            long begin = System.currentTimeMillis();
            try {
                running.herder().stop();
                LOG.info("Kafka Connect worker stopped in {} ms", System.currentTimeMillis() - begin);
            } catch (RuntimeException e) {
                LOG.warn("Kafka Connect worker did not stop cleanly", e);
            }
        }
        ConnectClientMeters.forget(clientMeterRegistry);
        ExitGuard.uninstall(exitListener);
    }

    static String defaultAdvertisedUrl(String scheme, int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return (scheme == null ? "http" : scheme) + "://" + host + ":" + port;
    }
}
