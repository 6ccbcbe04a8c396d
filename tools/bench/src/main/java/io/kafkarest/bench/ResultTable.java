package io.kafkarest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The markdown table of one run: case, path, records/s, MB/s, p50 ms, p99 ms, ratio (records/s of the row divided
 * by records/s of the baseline row), notes (errors).
 */
public final class ResultTable {
    private final String title;
    private final List<String> settings;
    private final List<Result> rows = new ArrayList<>();
    private final String baselineCase;

    /**
     * @param title        the heading, e.g. {@code bin/bench produce}
     * @param settings     lines describing the run (duration, connections, ...)
     * @param baselineCase the case every ratio is relative to, e.g. {@code native}
     */
    public ResultTable(String title, List<String> settings, String baselineCase) {
        this.title = title;
        this.settings = settings;
        this.baselineCase = baselineCase;
    }

    public synchronized void add(Result r) {
        rows.add(r);
    }

    public synchronized List<Result> rows() {
        return List.copyOf(rows);
    }

    /** records/s of the baseline, NaN when it did not run. */
    public synchronized double baseline() {
        return rows.stream().filter(r -> r.caseName().equals(baselineCase) && r.ran()).mapToDouble(Result::recordsPerSec)
                .findFirst().orElse(Double.NaN);
    }

    public synchronized String toMarkdown() {
        double base = baseline();
        StringBuilder s = new StringBuilder();
        s.append("## ").append(title).append("\n\n");
        for (String line : settings) {
            s.append("- ").append(line).append('\n');
        }
        s.append("\n| case | path | records/s | MB/s | p50 ms | p99 ms | ratio to ").append(baselineCase)
                .append(" | notes |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : rows) {
            String notes = r.error() == null ? "" : r.error();
            if (r.failed() > 0) {
                notes = r.failed() + " failed" + (notes.isEmpty() ? "" : ": " + notes);
            }
            if (r.note() != null) {
                notes = notes.isEmpty() ? r.note() : notes + "; " + r.note();
            }
            s.append("| ").append(r.caseName()).append(" | ").append(r.path()).append(" | ")
                    .append(number(r.recordsPerSec(), 0)).append(" | ").append(number(r.mbPerSec(), 1)).append(" | ")
                    .append(number(r.p50Ms(), 2)).append(" | ").append(number(r.p99Ms(), 2)).append(" | ")
                    .append(r.ran() && !Double.isNaN(base) && base > 0 ? number(r.recordsPerSec() / base, 2) : "-")
                    .append(" | ").append(cell(notes)).append(" |\n");
        }
        return s.toString();
    }

    /** Writes the table to {@code dir/results-<timestamp>.md} and returns the file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.resolve("results-" + stamp + ".md");
        Files.writeString(file, toMarkdown(), StandardCharsets.UTF_8);
        return file;
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** One table cell: no line breaks or pipes, at most 160 characters. */
    static String cell(String text) {
        String t = text.replaceAll("\\s+", " ").replace("|", "\\|").trim();
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
