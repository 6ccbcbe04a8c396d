package io.kafkarest.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start the stack.
 *
 * @param root         the checkout: where the modules' fat jars are built
 * @param workDir      Kafka data, registry data and logs go here ({@code .local} for the local stack)
 * @param ports        fixed ports for the local stack, free ones for tests
 * @param replicas     replicas per backend service (missing = 1)
 * @param registry     whether to start the Schema Registry
 * @param jvmOptions   JVM options for every service process
 * @param startTimeout how long all parts together may take to become ready
 */
public record StackOptions(Path root, Path workDir, PortPlan ports, Map<String, Integer> replicas, boolean registry,
                           List<String> jvmOptions, Duration startTimeout) {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    /** The defaults of {@code bin/local-stack}: fixed ports, data under {@code .local}, one replica each. */
    public static StackOptions local(Path root) {
        return new StackOptions(root, root.resolve(".local"), PortPlan.fixed(), new HashMap<>(), true,
                DEFAULT_JVM_OPTIONS, Duration.ofMinutes(3));
    }

    public int replicasOf(String service) {
        return replicas.getOrDefault(service, 1);
    }

    public StackOptions withReplicas(String service, int count) {
        if (!Services.BACKENDS.contains(service)) {
            throw new IllegalArgumentException("Unknown service '" + service + "'; one of " + Services.BACKENDS);
        }
        if (count < 1) {
            throw new IllegalArgumentException("Replicas of " + service + " must be at least 1");
        }
        Map<String, Integer> copy = new HashMap<>(replicas);
        copy.put(service, count);
        return new StackOptions(root, workDir, ports, copy, registry, jvmOptions, startTimeout);
    }

    public StackOptions withWorkDir(Path dir) {
        return new StackOptions(root, dir, ports, replicas, registry, jvmOptions, startTimeout);
    }

    public StackOptions withPorts(PortPlan plan) {
        return new StackOptions(root, workDir, plan, replicas, registry, jvmOptions, startTimeout);
    }

    public StackOptions withRegistry(boolean start) {
        return new StackOptions(root, workDir, ports, replicas, start, jvmOptions, startTimeout);
    }

    /** The fat jar of a module of the checkout. */
    public Path jarOf(String modulePath, String artifactId) {
        return root.resolve(modulePath).resolve("target").resolve(artifactId + "-0.1.0-SNAPSHOT-all.jar");
    }

    /** Where the build unpacks Apicurio Registry (tools/local-stack's package phase). */
    public Path registryHome() {
        return root.resolve("tools/local-stack/target/apicurio");
    }
}
