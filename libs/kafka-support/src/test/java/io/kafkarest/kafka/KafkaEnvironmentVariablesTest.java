package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The environment-variable path for real: a child JVM with the test classpath and only the given Kafka variables
 * starts a Micronaut context and prints its micronaut-kafka configurations ({@link KafkaConfigurationPrinter}):
 * {@code KAFKA_<KEY>} reaches every client, {@code KAFKA_PRODUCERS_DEFAULT_<KEY>} the producer and
 * {@code KAFKA_CONSUMERS_DEFAULT_<KEY>} the consumers, each exactly once, with Kafka's own key ({@link KafkaClientKeys}).
 * The deprecated names still work: {@code KAFKA_CLIENT_<KEY>} every client, {@code KAFKA_PRODUCER_<KEY>} the producer,
 * {@code KAFKA_CONSUMER_<KEY>} the consumers, {@code KAFKA_ADMIN_<KEY>} the Admin client ({@code kafka.*}) only.
 */
class KafkaEnvironmentVariablesTest {

    /** kind -> (key -> value) as printed by {@link KafkaConfigurationPrinter}. */
    private static Map<String, Map<String, String>> settingsFromEnvironment(Map<String, String> env) throws Exception {
        return settings(run(env));
    }

    /** The child JVM's output. */
    private static List<String> run(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), KafkaConfigurationPrinter.class.getName());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(env);
        File output = Files.createTempFile("kafka-settings", ".out").toFile();
        output.deleteOnExit();
        builder.redirectErrorStream(true).redirectOutput(output);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish in 60 s");
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output.toPath());
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        return lines;
    }

    private static Map<String, Map<String, String>> settings(List<String> lines) {
        Map<String, Map<String, String>> settings = new TreeMap<>();
        for (String line : lines) {
            if (line.startsWith("SETTING ")) {
                String[] kindAndSetting = line.substring("SETTING ".length()).split(" ", 2);
                String[] keyValue = kindAndSetting[1].split("=", 2);
                settings.computeIfAbsent(kindAndSetting[0], k -> new TreeMap<>()).put(keyValue[0], keyValue[1]);
            }
        }
        assertEquals(List.of("consumer", "every", "producer"), List.copyOf(settings.keySet()),
                String.join("\n", lines));
        return settings;
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> map = new TreeMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void environmentVariablesBecomeKafkaKeys() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "envhost:9093,envhost2:9093");
        env.put("KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.jks");
        env.put("KAFKA_PRODUCERS_DEFAULT_LINGER_MS", "5");
        env.put("KAFKA_PRODUCERS_DEFAULT_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION", "1");
        env.put("KAFKA_CONSUMERS_DEFAULT_MAX_POLL_RECORDS", "7");
        env.put("KAFKA_CONSUMERS_DEFAULT_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_HEALTH_TIMEOUT", "3s");

        Map<String, Map<String, String>> settings = settingsFromEnvironment(env);

        Map<String, String> every = Map.of("bootstrap.servers", "envhost:9093,envhost2:9093",
                "security.protocol", "SSL", "ssl.truststore.location", "/etc/kafka/truststore.jks");
        assertEquals(every, settings.get("every"));
        assertEquals(with(every, "linger.ms", "5", "max.in.flight.requests.per.connection", "1"),
                settings.get("producer"));
        assertEquals(with(every, "max.poll.records", "7", "security.protocol", "SASL_SSL"), settings.get("consumer"));
    }

    @Test
    void bootstrapDefaultsWhenTheEnvironmentHasNone() throws Exception {
        Map<String, Map<String, String>> settings =
                settingsFromEnvironment(Map.of("KAFKA_PRODUCERS_DEFAULT_LINGER_MS", "5"));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), settings.get("every"));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "5"), settings.get("producer"));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), settings.get("consumer"));
    }

    @Test
    void deprecatedVariablesStillReachTheirClientsAndAreWarnedAboutOnce() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "envhost:9093");
        env.put("KAFKA_CLIENT_ID", "legacy-id");
        env.put("KAFKA_CLIENT_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_CLIENT_RECONNECT_BACKOFF_MS", "100");
        env.put("KAFKA_RECONNECT_BACKOFF_MS", "200");
        env.put("KAFKA_PRODUCER_LINGER_MS", "5");
        env.put("KAFKA_PRODUCER_ACKS", "1");
        env.put("KAFKA_PRODUCERS_DEFAULT_ACKS", "all");
        env.put("KAFKA_CONSUMER_MAX_POLL_RECORDS", "7");
        env.put("KAFKA_ADMIN_REQUEST_TIMEOUT_MS", "5000");
        env.put("KAFKA_ADMIN_DEFAULT_API_TIMEOUT_MS", "6000");
        env.put("KAFKA_DEFAULT_API_TIMEOUT_MS", "7000");

        List<String> lines = run(env);
        Map<String, Map<String, String>> settings = settings(lines);

        Map<String, String> every = Map.of("bootstrap.servers", "envhost:9093", "client.id", "legacy-id",
                "security.protocol", "SSL", "reconnect.backoff.ms", "200", "default.api.timeout.ms", "7000");
        assertEquals(with(every, "request.timeout.ms", "5000"), settings.get("every"), "the Admin client's");
        assertEquals(with(every, "linger.ms", "5", "acks", "all"), settings.get("producer"));
        assertEquals(with(every, "max.poll.records", "7"), settings.get("consumer"));

        String output = String.join("\n", lines);
        for (String[] oldAndNew : new String[][] {
                {"KAFKA_CLIENT_SECURITY_PROTOCOL", "KAFKA_SECURITY_PROTOCOL"},
                {"KAFKA_CLIENT_RECONNECT_BACKOFF_MS", "KAFKA_RECONNECT_BACKOFF_MS"},
                {"KAFKA_PRODUCER_LINGER_MS", "KAFKA_PRODUCERS_DEFAULT_LINGER_MS"},
                {"KAFKA_PRODUCER_ACKS", "KAFKA_PRODUCERS_DEFAULT_ACKS"},
                {"KAFKA_CONSUMER_MAX_POLL_RECORDS", "KAFKA_CONSUMERS_DEFAULT_MAX_POLL_RECORDS"},
                {"KAFKA_ADMIN_REQUEST_TIMEOUT_MS", "KAFKA_REQUEST_TIMEOUT_MS"},
                {"KAFKA_ADMIN_DEFAULT_API_TIMEOUT_MS", "KAFKA_DEFAULT_API_TIMEOUT_MS"}}) {
            assertEquals(1, lines.stream().filter(line -> line.contains("WARN")
                    && line.contains(oldAndNew[0] + " (") && line.contains("is deprecated: use " + oldAndNew[1] + " (")).count(),
                    oldAndNew[0] + "\n" + output);
        }
        assertEquals(7, lines.stream().filter(line -> line.contains("is deprecated")).count(), output);
    }
}
