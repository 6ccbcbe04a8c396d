package io.kafkarest.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole system on this machine without Docker: a real KRaft Kafka broker, Apicurio Registry and every service
 * as its own process, started in order and each waited for until it is ready. {@link #close()} stops them in
 * reverse order (graceful shutdown first).
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final StackOptions options;
    private final Path logDir;
    private final List<RunningProcess> running = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> serviceUrls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private String kafkaBootstrap;
    private String registryUrl;
    private String gatewayUrl;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.logDir = options.workDir().resolve("logs");
    }

    /** Starts everything and returns once the gateway is ready; on failure stops what it started and throws. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(List.of(launch(kafka())), deadline);

        List<RunningProcess> backends = new ArrayList<>();
        if (options.registry()) {
            backends.add(launch(registry()));
        }
        for (String service : Services.BACKENDS) {
            for (int replica = 0; replica < options.replicasOf(service); replica++) {
                backends.add(launch(backend(service, replica)));
            }
        }
        awaitReady(backends, deadline);
        awaitReady(List.of(launch(gateway())), deadline);
    }

    private Component kafka() {
        int port = options.ports().apiPort(Services.KAFKA, 0);
        int controllerPort = options.ports().managementPort(Services.KAFKA, 0);
        kafkaBootstrap = "127.0.0.1:" + port;
        List<String> command = java(List.of("-Xmx512m", "-XX:+UseSerialGC"),
                options.jarOf("libs/kafka-embedded", "kafka-embedded"),
                "--data-dir", options.workDir().resolve("kafka").toAbsolutePath().toString(),
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort));
        return new Component(Services.KAFKA, command, Map.of(), port, null, "KAFKA READY");
    }

    private Component registry() {
        int port = options.ports().apiPort(Services.REGISTRY, 0);
        int managementPort = options.ports().managementPort(Services.REGISTRY, 0);
        registryUrl = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        Path jar = options.registryHome().resolve("quarkus-run.jar");
        requireFile(jar, "Apicurio Registry is unpacked by the build: run bin/mvn package -DskipTests");
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + options.workDir().resolve("registry/db").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE",
                "-jar", jar.toString()));
        return new Component(Services.REGISTRY, command, Map.of(), port, registryUrl + "/subjects", null);
    }

    private Component backend(String service, int replica) {
        int port = options.ports().apiPort(service, replica);
        int managementPort = options.ports().managementPort(service, replica);
        String url = "http://127.0.0.1:" + port;
        serviceUrls.computeIfAbsent(service, s -> new ArrayList<>()).add(url);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        if (registryUrl != null) {
            env.put("SCHEMA_REGISTRY_URL", registryUrl);
        }
        switch (service) {
            case Services.CONSUME -> env.put("CONSUMER_ADVERTISED_URL", url);
            case Services.CONNECT -> {
                env.put("CONNECT_ADVERTISED_URL", url);
                env.put("CONNECT_PLUGIN_PATH", connectPluginPath());
            }
            default -> { }
        }
        String name = options.replicasOf(service) > 1 ? service + "-" + (replica + 1) : service;
        return new Component(name, java(jvmOptionsOf(service), options.jarOf(service, service)), env, port,
                "http://127.0.0.1:" + managementPort + "/health/readiness", null);
    }

    /**
     * The {@code plugin.path} of every connect-service replica: {@code CONNECT_PLUGIN_PATH} when set, else the folder
     * {@code connect-plugins} of the data directory ({@code .local/connect-plugins}), created when missing.
     */
    private String connectPluginPath() {
        String fromEnvironment = System.getenv("CONNECT_PLUGIN_PATH");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path dir = options.workDir().resolve("connect-plugins").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Connect plugin folder " + dir, e);
        }
        return dir.toString();
    }

    private Component gateway() {
        int port = options.ports().apiPort(Services.GATEWAY, 0);
        int managementPort = options.ports().managementPort(Services.GATEWAY, 0);
        gatewayUrl = "http://localhost:" + port;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("ADMIN_SERVICE_URLS", String.join(",", serviceUrls.get(Services.ADMIN)));
        env.put("PRODUCE_SERVICE_URLS", String.join(",", serviceUrls.get(Services.PRODUCE)));
        env.put("CONSUME_SERVICE_URLS", String.join(",", serviceUrls.get(Services.CONSUME)));
        env.put("CONNECT_SERVICE_URLS", String.join(",", serviceUrls.get(Services.CONNECT)));
        return new Component(Services.GATEWAY, java(jvmOptionsOf(Services.GATEWAY), options.jarOf("gateway", "gateway")), env,
                port, "http://127.0.0.1:" + managementPort + "/health/readiness", null);
    }

    private RunningProcess launch(Component component) {
        Path log = logDir.resolve(component.name() + ".log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // its own session: Ctrl-C reaches only the launcher, which then stops the parts in order
            command.add(SETSID.toString());
        }
        command.addAll(component.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(options.root().toFile());
        builder.environment().putAll(component.environment());
        try {
            RunningProcess process = new RunningProcess(component, builder.start(), log);
            running.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + component.name() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(List<RunningProcess> processes, long deadline) {
        List<RunningProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            for (RunningProcess p : List.copyOf(waiting)) {
                if (!p.process().isAlive()) {
                    throw new IllegalStateException(p.name() + " exited with code " + p.process().exitValue()
                            + " while starting. Last lines of " + p.log() + ":\n" + p.logTail(30));
                }
                if (isReady(p)) {
                    waiting.remove(p);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                RunningProcess first = waiting.get(0);
                throw new IllegalStateException("Not ready within " + options.startTimeout() + ": "
                        + waiting.stream().map(RunningProcess::name).toList() + ". Last lines of " + first.log()
                        + ":\n" + first.logTail(30));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the stack", e);
            }
        }
    }

    private boolean isReady(RunningProcess p) {
        Component c = p.component();
        if (c.readyLine() != null) {
            try {
                return Files.readString(p.log(), StandardCharsets.UTF_8).contains(c.readyLine());
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(c.readinessUrl()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The JVM options of a service: {@link StackOptions#jvmOptions()} plus the words of the environment variable
     * {@code STACK_JAVA_OPTS_<SERVICE>} ({@code STACK_JAVA_OPTS_PRODUCE_SERVICE}, {@code STACK_JAVA_OPTS_GATEWAY}, ...),
     * e.g. to record one service with JDK Flight Recorder (docs/benchmarks.md). Replicas share them.
     */
    private List<String> jvmOptionsOf(String service) {
        String extra = System.getenv("STACK_JAVA_OPTS_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (extra == null || extra.isBlank()) {
            return options.jvmOptions();
        }
        List<String> all = new ArrayList<>(options.jvmOptions());
        Collections.addAll(all, extra.trim().split("\\s+"));
        return all;
    }

    private static List<String> java(List<String> jvmOptions, Path jar, String... args) {
        requireFile(jar, "Build the modules first: bin/mvn package -DskipTests");
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Collections.addAll(command, args);
        return command;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing. " + hint);
        }
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** The registry's Confluent-compatible API, or null when it was not started. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The started processes, in start order. */
    public List<RunningProcess> processes() {
        return List.copyOf(running);
    }

    /** The processes of one backend service (its replicas). */
    public List<RunningProcess> replicasOf(String service) {
        return running.stream().filter(p -> p.name().equals(service) || p.name().startsWith(service + "-")).toList();
    }

    /**
     * Stops one started process (gracefully, as {@link #close} does) and starts it again with the same command, ports
     * and environment; returns once it is ready again. For tests of what survives a restart.
     */
    public RunningProcess restart(RunningProcess process) {
        process.stop(30);
        running.remove(process);
        RunningProcess again = launch(process.component());
        awaitReady(List.of(again), System.nanoTime() + options.startTimeout().toNanos());
        return again;
    }

    @Override
    public void close() {
        List<RunningProcess> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        // the gateway first, then the services together, Kafka last
        for (RunningProcess p : reversed) {
            if (!p.name().equals(Services.KAFKA)) {
                p.process().destroy();
            }
        }
        for (RunningProcess p : reversed) {
            if (!p.name().equals(Services.KAFKA)) {
                p.stop(30);
            }
        }
        reversed.stream().filter(p -> p.name().equals(Services.KAFKA)).forEach(p -> p.stop(30));
        running.clear();
    }
}
