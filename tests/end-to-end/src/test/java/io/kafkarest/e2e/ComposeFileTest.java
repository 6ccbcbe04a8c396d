package io.kafkarest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml checked by reading it, on every build (bin/compose-check runs it for real on a Docker engine, which
 * the README's test command does not need): every part is there, the scalable services can be scaled (no fixed
 * names or host ports), each service's environment is what that service reads (the placeholders of its
 * application.yml) and points at the right places, and every image can be built from the jar Maven built.
 */
class ComposeFileTest {
    private static final List<String> SERVICES =
            List.of("admin-service", "produce-service", "consume-service", "connect-service", "gateway");
    private static final List<String> KAFKA_SERVICES =
            List.of("admin-service", "produce-service", "consume-service", "connect-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /**
     * Raw settings pass through by prefix: every {@code KAFKA_<KEY>} is micronaut-kafka's {@code kafka.<key>}
     * (docs/micronaut-kafka.md), {@code CONNECT_WORKER_<KEY>} a worker key.
     */
    private static final List<String> PASSTHROUGH_PREFIXES = List.of("KAFKA_", "CONNECT_WORKER_");
    /** Read by the JVM launch line of every Dockerfile. */
    private static final Set<String> DOCKERFILE_VARIABLES = Set.of("JAVA_OPTS");

    private static final Path ROOT = TestPaths.repositoryRoot();
    private static Map<String, Object> compose;

    @BeforeAll
    static void load() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
    }

    @Test
    void hasKafkaTheRegistryAndEveryService() {
        Map<String, Object> services = section(compose, "services");
        for (String name : SERVICES) {
            assertTrue(services.containsKey(name), "compose.yaml lacks " + name);
        }
        assertTrue(section(services, "kafka").get("image").toString().startsWith("apache/kafka:"));
        assertTrue(section(services, "schema-registry").get("image").toString().startsWith("apicurio/apicurio-registry"));
    }

    @Test
    void onlyTheGatewayPublishesAPortAndNothingHasAFixedName() {
        Map<String, Object> services = section(compose, "services");
        services.forEach((name, definition) -> {
            Map<String, Object> service = section(services, name);
            assertFalse(service.containsKey("container_name"), name + " has a container_name: it could not scale");
            if (!name.equals("gateway")) {
                assertFalse(service.containsKey("ports"), name + " publishes a host port: only the gateway may");
            }
        });
        // 8080 unless GATEWAY_PORT says otherwise (bin/compose-check publishes it on a free port)
        assertEquals(List.of("${GATEWAY_PORT:-8080}:8080"), section(services, "gateway").get("ports"));
    }

    @Test
    void servicesAreBuiltFromTheirModulesDockerfiles() throws IOException {
        Map<String, Object> services = section(compose, "services");
        for (String name : SERVICES) {
            Map<String, Object> build = section(section(services, name), "build");
            assertEquals(".", build.get("context"), name + " builds from the repository root");
            Path dockerfile = ROOT.resolve(build.get("dockerfile").toString());
            assertEquals(ROOT.resolve(name).resolve("Dockerfile"), dockerfile);
            String text = Files.readString(dockerfile);
            assertTrue(text.contains("-pl " + name + " "), name + "'s Dockerfile builds its module");
            assertTrue(text.contains(name + "-0.1.0-SNAPSHOT-all.jar"), name + "'s Dockerfile runs its fat jar");
            assertTrue(text.contains("ENV PORT=" + defaultPort(name)), name + "'s image listens on its default port");
            // JAR_SOURCE=maven compiles in the build, JAR_SOURCE=host takes the jar bin/mvn built (docs/compose-standins.md)
            assertEquals(Map.of("JAR_SOURCE", "${JAR_SOURCE:-maven}"), build.get("args"), name + " passes JAR_SOURCE");
            assertTrue(text.contains("ARG JAR_SOURCE=maven\n"), name + "'s Dockerfile compiles by default");
            assertTrue(text.contains("AS jar-maven\n") && text.contains("AS jar-host\n")
                    && text.contains("FROM jar-${JAR_SOURCE} AS jar\n"), name + "'s Dockerfile has both jar sources");
            assertTrue(text.contains("COPY " + name + "/target/" + name + "-0.1.0-SNAPSHOT-all.jar /service.jar"),
                    name + "'s Dockerfile takes the host's jar with JAR_SOURCE=host");
        }
    }

    @Test
    void theBuildContextKeepsTheFatJarsButNoOtherBuildOutput() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertTrue(ignored.contains("**/target"), "build output stays out of the context");
        assertTrue(ignored.contains("!*/target/*-0.1.0-SNAPSHOT-all.jar"), "the fat jars stay in it (JAR_SOURCE=host)");
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() throws IOException {
        Map<String, Object> services = section(compose, "services");
        for (String name : SERVICES) {
            Set<String> read = variablesRead(name);
            for (String variable : environment(section(services, name)).keySet()) {
                boolean known = read.contains(variable) || DOCKERFILE_VARIABLES.contains(variable)
                        || PASSTHROUGH_PREFIXES.stream().anyMatch(variable::startsWith);
                assertTrue(known, name + " is given " + variable + " but does not read it (reads " + read + ")");
            }
        }
    }

    @Test
    void kafkaServicesPointAtTheBroker() {
        Map<String, Object> services = section(compose, "services");
        for (String name : KAFKA_SERVICES) {
            Map<String, Object> service = section(services, name);
            assertEquals("kafka:9092", environment(service).get("KAFKA_BOOTSTRAP_SERVERS"), name);
            assertTrue(service.get("depends_on").toString().contains("kafka"), name + " waits for kafka");
        }
    }

    @Test
    void theGatewayReachesEveryServiceByNameOnItsPort() throws IOException {
        Map<String, Object> gateway = section(section(compose, "services"), "gateway");
        Map<String, String> env = environment(gateway);
        Set<String> read = variablesRead("gateway");
        for (String name : KAFKA_SERVICES) {
            String variable = name.replace("-service", "").toUpperCase() + "_SERVICE_URLS";
            assertTrue(read.contains(variable), "the gateway reads " + variable);
            assertEquals("http://" + name + ":" + defaultPort(name), env.get(variable),
                    "the gateway's " + variable + " names the service (all its replicas) and its port");
        }
    }

    @Test
    void connectReplicasShareAPluginFolderMountedAtTheirPluginPath() {
        Map<String, Object> connect = section(section(compose, "services"), "connect-service");
        String pluginPath = environment(connect).get("CONNECT_PLUGIN_PATH");
        assertNotNull(pluginPath, "connect-service is given CONNECT_PLUGIN_PATH");
        Object volumes = connect.get("volumes");
        assertNotNull(volumes, "connect-service mounts its plugin folder");
        assertTrue(((List<?>) volumes).stream().map(String::valueOf)
                        .anyMatch(v -> v.endsWith(":" + pluginPath) || v.endsWith(":" + pluginPath + ":ro")),
                "a volume is mounted at " + pluginPath + ": " + volumes);
        assertTrue(Files.isDirectory(ROOT.resolve("connect-plugins")), "the default plugin folder exists");
    }

    @Test
    void placeholderDefaultsWithAColonAreQuoted() throws IOException {
        // Micronaut reads ${A:b:c} as "A, else b, else c": a default like localhost:9092 must be `quoted`
        for (String name : SERVICES) {
            Matcher m = PLACEHOLDER.matcher(applicationYml(name));
            while (m.find()) {
                String fallback = m.group(2);
                if (fallback != null && fallback.contains(":")) {
                    assertTrue(fallback.startsWith("`") && fallback.endsWith("`"),
                            name + ": the default of ${" + m.group(1) + "} contains ':' and must be in backticks");
                }
            }
        }
    }

    /** The environment variables a service reads: the placeholders of its application.yml. */
    private static Set<String> variablesRead(String module) throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(applicationYml(module));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String defaultPort(String module) throws IOException {
        Matcher m = PLACEHOLDER.matcher(applicationYml(module));
        while (m.find()) {
            if (m.group(1).equals("PORT")) {
                return m.group(2);
            }
        }
        throw new AssertionError(module + "'s application.yml has no ${PORT:...} placeholder");
    }

    private static String applicationYml(String module) throws IOException {
        return Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        if (env == null) {
            return Map.of();
        }
        Map<String, String> result = new java.util.TreeMap<>();
        section(Map.of("environment", env), "environment").forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertNotNull(value, "missing '" + key + "'");
        return (Map<String, Object>) value;
    }
}
