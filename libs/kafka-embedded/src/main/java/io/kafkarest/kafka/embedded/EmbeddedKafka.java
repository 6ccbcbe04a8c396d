package io.kafkarest.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) in this JVM. Its data directory is formatted
 * on first start and reused after that, so a restart keeps topics and the cluster id.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String clusterId) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
    }

    /** Starts a broker on free ports with its data in a fresh temporary directory. */
    public static EmbeddedKafka startOnFreePorts() {
        try {
            return start(Files.createTempDirectory("embedded-kafka"), freePort(), freePort(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker listening on {@code 127.0.0.1:port} (clients) and {@code 127.0.0.1:controllerPort} (KRaft).
     *
     * @param overrides broker settings that replace the defaults
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        try {
            Files.createDirectories(dataDir);
            Map<String, String> config = brokerConfig(dataDir, port, controllerPort);
            config.putAll(overrides);
            String clusterId = formatIfNeeded(dataDir);
            Properties props = new Properties();
            props.putAll(config);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + port, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> brokerConfig(Path dataDir, int port, int controllerPort) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", "1");
        c.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        c.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("log.dirs", dataDir.toAbsolutePath().toString());
        c.put("num.partitions", "1");
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "4");
        return c;
    }

    private static String formatIfNeeded(Path dataDir) throws IOException {
        Path meta = dataDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties props = new Properties();
            try (var in = Files.newInputStream(meta)) {
                props.load(in);
            }
            return props.getProperty("cluster.id");
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(clusterId)
                    .setNodeId(1)
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(dataDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir, e);
        }
        return clusterId;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clusterId() {
        return clusterId;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
