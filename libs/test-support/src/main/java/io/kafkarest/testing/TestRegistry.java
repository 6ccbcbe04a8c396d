package io.kafkarest.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Schema Registry of a test JVM: a real Apicurio Registry (Confluent-compatible API at {@code /apis/ccompat/v7}),
 * unpacked by the build into {@code libs/test-support/target/apicurio}, started on free ports on first use (in-memory
 * storage) and stopped when the JVM exits.
 */
public final class TestRegistry {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static String url;
    private static Process process;

    private TestRegistry() {
    }

    /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** Stops the registry now (to test what happens without it); the next {@link #url()} starts a new one. */
    public static synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            url = null;
        }
    }

    private static String start() {
        Path jar = home().resolve("quarkus-run.jar");
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path log = Files.createTempFile("test-registry", ".log");
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                    "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-registry-stop"));
            String base = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
            TestHttp http = TestHttp.to(base).withTimeout(Duration.ofSeconds(2));
            Wait.untilPassing(START_TIMEOUT, "Apicurio Registry to answer (log: " + log + ")", () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("Apicurio Registry exited: " + Files.readString(log));
                }
                http.get("/subjects").expect(200);
            });
            return base;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Apicurio Registry from " + jar, e);
        }
    }

    /** {@code test.registry.home} (set by the build), else found from the working directory upwards. */
    private static Path home() {
        String configured = System.getProperty("test.registry.home");
        if (configured != null && Files.isRegularFile(Path.of(configured, "quarkus-run.jar"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("libs/test-support/target/apicurio".replace('/', File.separatorChar));
            if (Files.isRegularFile(candidate.resolve("quarkus-run.jar"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Apicurio Registry is not unpacked: build libs/test-support first "
                + "(bin/mvn -pl libs/test-support install)");
    }
}
