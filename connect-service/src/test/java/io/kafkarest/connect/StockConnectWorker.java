package io.kafkarest.connect;

import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestKafka;
import io.kafkarest.testing.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * A stock Apache Kafka Connect 4.3.1 distributed worker ({@link ConnectDistributed}, its own Jetty/Jersey REST
 * server) in a child JVM with the test classpath, in a Connect group of its own on the test broker. A child process
 * because Connect's static state (log4j2 loggers, {@code Exit}, plugin class loaders) would otherwise be shared with
 * connect-service's embedded runtime in the test JVM. Worker settings mirror connect-service's defaults
 * ({@code WorkerProperties}): JsonConverter keys and values, service_load plugin discovery, 1 s offset commits.
 */
final class StockConnectWorker implements AutoCloseable {
    private final Process process;
    private final String url;
    private final Path log;

    private StockConnectWorker(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static StockConnectWorker start(Path dir) {
        return start(dir, Map.of());
    }

    /**
     * @param overrides worker settings that win over the defaults, e.g. {@code group.id} and the three storage topics
     *                  of connect-service's group, so that the stock worker joins it
     */
    static StockConnectWorker start(Path dir, Map<String, String> overrides) {
        String id = "stock-" + UUID.randomUUID().toString().substring(0, 8);
        int port = FreePorts.next();
        Map<String, String> props = new TreeMap<>();
        props.put("bootstrap.servers", TestKafka.bootstrapServers());
        props.put("group.id", "connect-" + id);
        props.put("config.storage.topic", "connect-configs-" + id);
        props.put("offset.storage.topic", "connect-offsets-" + id);
        props.put("status.storage.topic", "connect-status-" + id);
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("key.converter", JsonConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        props.put("offset.flush.interval.ms", "1000");
        props.put("plugin.discovery", "service_load");
        props.put("listeners", "http://127.0.0.1:" + port);
        props.putAll(overrides);
        try {
            Path file = dir.resolve("stock-worker.properties");
            Properties properties = new Properties();
            properties.putAll(props);
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "stock Connect worker for ParityTest");
            }
            Path log = dir.resolve("stock-worker.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m",
                    "-cp", System.getProperty("java.class.path"),
                    ConnectDistributed.class.getName(), file.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            StockConnectWorker worker = new StockConnectWorker(builder.start(), "http://127.0.0.1:" + port, log);
            try {
                Wait.until(Duration.ofSeconds(90), "stock Connect worker at " + worker.url + " healthy", () -> {
                    if (!worker.process.isAlive()) {
                        throw new IllegalStateException("stock Connect worker exited: " + worker.logTail());
                    }
                    try {
                        return ConnectTestSupport.HTTP.get(worker.url + "/health").status() == 200;
                    } catch (UncheckedIOException notYet) {
                        return false;
                    }
                });
            } catch (RuntimeException | Error e) {
                worker.close();
                throw e;
            }
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return url;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
