package io.kafkarest.bench;

import io.kafkarest.bench.consume.ConsumeBench;
import io.kafkarest.bench.gateway.GatewayBench;
import io.kafkarest.bench.produce.ProduceBench;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/bench <command> [options]}: runs one family of benchmarks against a running stack and prints one
 * markdown table (also written to {@code <out-dir>/results-<timestamp>.md}).
 *
 * <p>A new family (consume, gateway, ...) is one {@link Command} registered in {@link #COMMANDS}; it reuses
 * {@link BenchOptions}, {@link RestAdmin}, {@link Wrk} and {@link ResultTable}.
 */
public final class Main {
    /** The commands, by name: the first word after {@code bin/bench}. */
    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("produce", new ProduceBench());
        COMMANDS.put("consume", new ConsumeBench());
        COMMANDS.put("gateway", new GatewayBench());
    }

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println(usage());
            System.exit(args.length == 0 ? 2 : 0);
            return;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("Unknown command '" + args[0] + "'.");
            System.err.println(usage());
            System.exit(2);
            return;
        }
        // --check-options (bin/bench, before it starts a stack): only validate the options
        boolean checkOnly = args.length > 1 && args[1].equals("--check-options");
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.copyOfRange(args, checkOnly ? 2 : 1, args.length),
                    command.defaultCases());
            if (checkOnly) {
                System.exit(0);
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        try {
            int failed = command.run(options);
            if (failed > 0) {
                // fail soft: the table is complete, its notes say what went wrong
                System.err.println(failed + " row(s) with errors: see the notes column.");
            }
            System.exit(0);
        } catch (Exception e) {
            System.err.println("bench " + args[0] + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static String usage() {
        StringBuilder s = new StringBuilder("usage: bin/bench <command> [options]\ncommands:\n");
        COMMANDS.forEach((name, c) -> s.append(String.format("  %-10s %s (cases: %s)%n", name, c.description(),
                String.join(",", c.defaultCases()))));
        s.append(BenchOptions.HELP);
        return s.toString();
    }
}
