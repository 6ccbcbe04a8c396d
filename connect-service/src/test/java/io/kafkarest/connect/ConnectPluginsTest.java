package io.kafkarest.connect;

import static io.kafkarest.connect.ConnectTestSupport.HTTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkarest.connect.core.ConnectRuntime;
import io.kafkarest.connect.testplugin.CountingSinkConnector;
import io.kafkarest.testing.TestHttp.Reply;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plugins of the embedded worker: everything Apache Kafka ships (FileStream, MirrorMaker 2, transformations,
 * predicates, converters) is listed, and a user's connector jar in a {@code plugin.path} directory is discovered
 * (a second, missing directory in the path does not stop the worker).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectPluginsTest implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectRuntime runtime;

    private Path pluginDir;
    private String pluginPath;

    @Override
    public Map<String, String> getProperties() {
        try {
            pluginDir = Files.createTempDirectory("connect-plugins");
            Path userPlugin = Files.createDirectories(pluginDir.resolve("counting-sink"));
            writeCountingSinkJar(userPlugin.resolve("counting-sink.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pluginPath = pluginDir + "," + pluginDir.resolveSibling(pluginDir.getFileName() + "-missing");
        Map<String, String> props = new HashMap<>(ConnectTestSupport.workerProperties("plugins"));
        props.put("connect.plugin-path", pluginPath);
        return props;
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @BeforeAll
    void workerJoined() {
        ConnectTestSupport.awaitWorkerReady(url(""));
    }

    @Test
    void listsEverythingApacheKafkaShipsAndTheUsersPlugin() {
        assertEquals(pluginPath, runtime.workerConfig().originalsStrings().get(WorkerConfig.PLUGIN_PATH_CONFIG));

        Reply all = HTTP.get(url("/connector-plugins?connectorsOnly=false"));
        assertEquals(200, all.status(), all.toString());
        // a class may be listed once per type it serves (StringConverter: converter and header_converter)
        Set<String> listed = new HashSet<>();
        for (JsonNode plugin : all.json()) {
            listed.add(plugin.get("class").asText() + " " + plugin.get("type").asText());
        }
        List<Map.Entry<String, String>> expected = List.of(
                Map.entry("org.apache.kafka.connect.file.FileStreamSourceConnector", "source"),
                Map.entry("org.apache.kafka.connect.file.FileStreamSinkConnector", "sink"),
                Map.entry("org.apache.kafka.connect.mirror.MirrorSourceConnector", "source"),
                Map.entry("org.apache.kafka.connect.mirror.MirrorCheckpointConnector", "source"),
                Map.entry("org.apache.kafka.connect.mirror.MirrorHeartbeatConnector", "source"),
                Map.entry("org.apache.kafka.connect.transforms.InsertField$Value", "transformation"),
                Map.entry("org.apache.kafka.connect.transforms.ReplaceField$Value", "transformation"),
                Map.entry("org.apache.kafka.connect.transforms.TimestampRouter", "transformation"),
                Map.entry("org.apache.kafka.connect.transforms.predicates.TopicNameMatches", "predicate"),
                Map.entry("org.apache.kafka.connect.transforms.predicates.HasHeaderKey", "predicate"),
                Map.entry("org.apache.kafka.connect.json.JsonConverter", "converter"),
                Map.entry("org.apache.kafka.connect.storage.StringConverter", "converter"),
                Map.entry("org.apache.kafka.connect.storage.StringConverter", "header_converter"),
                Map.entry("org.apache.kafka.connect.converters.ByteArrayConverter", "converter"),
                Map.entry("org.apache.kafka.connect.storage.SimpleHeaderConverter", "header_converter"),
                Map.entry(CountingSinkConnector.class.getName(), "sink"));
        for (Map.Entry<String, String> plugin : expected) {
            String entry = plugin.getKey() + " " + plugin.getValue();
            assertTrue(listed.contains(entry), entry + " in " + all.body());
        }

        // connectorsOnly (the default) lists connectors only, the user's among them, with its own version
        Reply connectors = HTTP.get(url("/connector-plugins"));
        Set<String> connectorTypes = new HashSet<>();
        String userVersion = null;
        for (JsonNode plugin : connectors.json()) {
            connectorTypes.add(plugin.get("type").asText());
            if (plugin.get("class").asText().equals(CountingSinkConnector.class.getName())) {
                userVersion = plugin.get("version").asText();
            }
        }
        assertEquals(Set.of("source", "sink"), connectorTypes, connectors.body());
        assertEquals(CountingSinkConnector.VERSION, userVersion, connectors.body());
    }

    @Test
    void mirrorMakerConnectorsValidateAndDescribeTheirConfig() {
        Reply validated = HTTP.put(url("/connector-plugins/MirrorSourceConnector/config/validate"), Map.of(
                "connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector",
                "name", "mm2-source",
                "source.cluster.alias", "primary",
                "target.cluster.alias", "backup",
                "source.cluster.bootstrap.servers", TestKafka.bootstrapServers(),
                "target.cluster.bootstrap.servers", TestKafka.bootstrapServers(),
                "topics", "orders.*"));
        assertEquals(200, validated.status(), validated.toString());
        assertEquals("org.apache.kafka.connect.mirror.MirrorSourceConnector", validated.json().get("name").asText());
        assertEquals(0, validated.json().get("error_count").asInt(), validated.body());
        assertTrue(validated.body().contains("\"source.cluster.alias\""), validated.body());

        for (String connector : new String[] {"MirrorCheckpointConnector", "MirrorHeartbeatConnector"}) {
            Reply config = HTTP.get(url("/connector-plugins/" + connector + "/config"));
            assertEquals(200, config.status(), connector + ": " + config);
            assertTrue(config.body().contains("\"target.cluster.alias\""), connector + ": " + config.body());
        }
    }

    @Test
    void theUsersConnectorRunsFromItsPluginDirectory() {
        String name = "counting-sink";
        Reply created = HTTP.post(url("/connectors"), Map.of("name", name, "config", Map.of(
                "connector.class", "CountingSinkConnector",
                "tasks.max", "1",
                "topics", "plugins-counting-" + System.nanoTime())));
        assertEquals(201, created.status(), created.toString());
        Wait.until(WAIT, name + " and its task running", () -> {
            JsonNode status = HTTP.get(url("/connectors/" + name + "/status")).json();
            return status.has("connector") && status.get("connector").get("state").asText().equals("RUNNING")
                    && status.get("tasks").size() == 1
                    && status.get("tasks").get(0).get("state").asText().equals("RUNNING");
        });
        assertEquals(204, ConnectTestSupport.HTTP.delete(url("/connectors/" + name)).status());
    }

    /**
     * Packs {@link CountingSinkConnector} and its task into a plugin jar, with the ServiceLoader manifest that
     * {@code plugin.discovery=service_load} needs.
     */
    private static void writeCountingSinkJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : new Class<?>[] {CountingSinkConnector.class,
                    CountingSinkConnector.CountingSinkTask.class}) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.apache.kafka.connect.sink.SinkConnector"));
            out.write((CountingSinkConnector.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
