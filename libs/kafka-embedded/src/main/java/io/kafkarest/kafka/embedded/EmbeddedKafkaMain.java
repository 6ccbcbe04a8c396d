package io.kafkarest.kafka.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafka} as its own process (the local stack does): {@code --data-dir DIR --port N
 * --controller-port N [--set key=value ...]}. Prints {@code KAFKA READY <bootstrap> <clusterId>} once it serves.
 */
public final class EmbeddedKafkaMain {
    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-kafka-logback.xml");
        }
        Path dataDir = Path.of("kafka-data");
        int port = 9092;
        int controllerPort = 9093;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port, controllerPort, overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("KAFKA READY " + kafka.bootstrapServers() + " " + kafka.clusterId());
        System.out.flush();
        stopped.await();
    }
}
