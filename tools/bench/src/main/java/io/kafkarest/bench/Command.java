package io.kafkarest.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One benchmark family of {@code bin/bench}: runs its selected cases and prints / writes the result table. */
public interface Command {
    /** One line for the usage text. */
    String description();

    /** Every case of this family, in run order; {@code --cases} selects a subset. */
    List<String> defaultCases();

    /**
     * Runs the selected cases.
     *
     * @return the number of rows with errors (0 = everything ran cleanly); the command still exits 0
     */
    int run(BenchOptions options) throws Exception;

    /** The id of a run, in its topic and group names: {@code yyMMddHHmmss} of now. */
    static String runId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
    }
}
