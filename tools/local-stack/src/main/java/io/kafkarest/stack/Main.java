package io.kafkarest.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/local-stack [--replicas service=N,...] [--no-registry] [--data-dir DIR]}: starts the whole stack,
 * prints the gateway URL and runs until Ctrl-C, which stops everything cleanly.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options;
        try {
            options = parse(args, StackOptions.local(Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        System.out.println("Starting Kafka, the Schema Registry and the services (logs in "
                + options.workDir().resolve("logs") + ") ...");
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (RuntimeException e) {
            System.err.println("The stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping the stack ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stack-stop"));
        for (RunningProcess p : stack.processes()) {
            p.process().onExit().thenAccept(exited -> {
                if (!stopping.get()) {
                    System.err.println(p.name() + " exited (code " + exited.exitValue() + "); see " + p.log());
                }
            });
            System.out.printf("  %-20s %s%n", p.name(),
                    p.name().equals(Services.KAFKA) ? stack.kafkaBootstrapServers() : p.url());
        }
        System.out.printf("Ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        System.out.println("Gateway: " + stack.gatewayUrl() + "   (Ctrl-C stops everything)");
        stopped.await();
    }

    static StackOptions parse(String[] args, StackOptions defaults) {
        StackOptions options = defaults;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replicas" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--replicas needs service=N[,service=N]");
                    }
                    for (String pair : args[++i].split(",")) {
                        String[] kv = pair.split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("Bad replica count '" + pair + "': use service=N");
                        }
                        try {
                            options = options.withReplicas(kv[0].trim(), Integer.parseInt(kv[1].trim()));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("Bad replica count '" + pair + "': N must be a number");
                        }
                    }
                }
                case "--no-registry" -> options = options.withRegistry(false);
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--data-dir needs a directory");
                    }
                    options = options.withWorkDir(Path.of(args[++i]).toAbsolutePath());
                }
                case "-h", "--help" -> throw new IllegalArgumentException("Starts the whole stack locally.");
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        return options;
    }

    static String usage() {
        return "usage: bin/local-stack [--replicas produce-service=2,consume-service=2] [--no-registry] [--data-dir DIR]";
    }
}
