package io.kafkarest.bench.gateway;

import io.kafkarest.bench.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The markdown table of {@code bin/bench gateway}: one line per workload (and round) with its direct and its gateway
 * row side by side, the ratio gateway / direct, the latency the gateway adds, the gateway process's CPU during its
 * row, and whether the targets are met. With more than one round, a second table gives each workload's
 * medians over its rounds, and the targets are judged on those.
 */
final class OverheadTable {
    /** Through the gateway at least this fraction of direct throughput (produce and consume). */
    static final double RATIO_TARGET = 0.85;
    /** The gateway adds at most this much to the median latency. */
    static final double ADDED_P50_TARGET_MS = 1.0;

    /**
     * One workload.
     *
     * @param workload    its name and the unit of its rates, e.g. {@code v2 produce x100 (records/s)}
     * @param direct      the row straight to the service
     * @param gateway     the row through the gateway; null for a reference line (only the direct columns)
     * @param cpuSeconds  CPU seconds the gateway process used during the gateway row's measured window; NaN = unknown
     * @param wallSeconds that window's length in seconds
     * @param ratioTarget whether {@link #RATIO_TARGET} applies to this workload
     * @param note        more about the line (or null)
     * @param round       which run of the workload this is, from 1
     */
    record Line(String workload, Result direct, Result gateway, double cpuSeconds, double wallSeconds,
                boolean ratioTarget, String note, int round) {
        Line(String workload, Result direct, Result gateway, double cpuSeconds, double wallSeconds,
             boolean ratioTarget, String note) {
            this(workload, direct, gateway, cpuSeconds, wallSeconds, ratioTarget, note, 1);
        }

        static Line reference(String workload, Result row, String note) {
            return new Line(workload, row, null, Double.NaN, Double.NaN, false, note);
        }

        Line inRound(int round) {
            return new Line(workload, direct, gateway, cpuSeconds, wallSeconds, ratioTarget, note, round);
        }

        private boolean bothRan() {
            return direct != null && gateway != null && direct.ran() && gateway.ran();
        }

        /** gateway / direct rate, NaN when either did not run. */
        double ratio() {
            return bothRan() && direct.recordsPerSec() > 0 ? gateway.recordsPerSec() / direct.recordsPerSec()
                    : Double.NaN;
        }

        double addedP50() {
            return bothRan() ? gateway.p50Ms() - direct.p50Ms() : Double.NaN;
        }

        double addedP99() {
            return bothRan() ? gateway.p99Ms() - direct.p99Ms() : Double.NaN;
        }

        /** CPU cores the gateway kept busy on average during its row. */
        double gatewayCores() {
            return gateway != null && wallSeconds > 0 ? cpuSeconds / wallSeconds : Double.NaN;
        }

        /** Gateway CPU milliseconds per MB (10^6 bytes) moved through it. */
        double cpuMsPerMb() {
            return gateway != null && gateway.ran() && gateway.mbPerSec() > 0
                    ? gatewayCores() * 1000 / gateway.mbPerSec() : Double.NaN;
        }

        /** Gateway CPU microseconds per unit of the rate (record or request). */
        double cpuUsPerUnit() {
            return gateway != null && gateway.ran() && gateway.recordsPerSec() > 0
                    ? gatewayCores() * 1e6 / gateway.recordsPerSec() : Double.NaN;
        }

        /** Targets, errors of either row and the note. */
        String notes() {
            List<String> parts = targets(ratioTarget ? ratio() : Double.NaN, gateway == null ? Double.NaN : addedP50());
            error("direct", direct, parts);
            error("gateway", gateway, parts);
            if (note != null) {
                parts.add(note);
            }
            return String.join("; ", parts);
        }

        private static void error(String path, Result r, List<String> parts) {
            if (r == null || !r.hasError()) {
                return;
            }
            String e = r.error() == null ? "" : r.error();
            parts.add(path + ": " + (r.failed() > 0 ? r.failed() + " failed" + (e.isEmpty() ? "" : ": ") : "") + e);
        }
    }

    /** Whether a ratio and an added p50 meet the targets, in words; a NaN figure is left out. */
    static List<String> targets(double ratio, double addedP50) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(ratio)) {
            parts.add("ratio target " + RATIO_TARGET + ": " + (ratio >= RATIO_TARGET ? "met" : "NOT met"));
        }
        if (!Double.isNaN(addedP50)) {
            parts.add("added p50 target " + number(ADDED_P50_TARGET_MS, 0) + " ms: "
                    + (addedP50 <= ADDED_P50_TARGET_MS ? "met" : "NOT met"));
        }
        return parts;
    }

    private final String title;
    private final List<String> settings;
    private final List<Line> lines = new ArrayList<>();

    OverheadTable(String title, List<String> settings) {
        this.title = title;
        this.settings = settings;
    }

    synchronized void add(Line line) {
        lines.add(line);
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("## ").append(title).append("\n\n");
        for (String line : settings) {
            s.append("- ").append(line).append('\n');
        }
        s.append("\n| workload | direct /s | gateway /s | gateway / direct | p50 ms direct | p50 ms gateway | added p50 ms"
                + " | p99 ms direct | p99 ms gateway | added p99 ms | gateway cores | gateway CPU ms/MB"
                + " | gateway CPU us/unit | notes |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        boolean rounds = lines.stream().anyMatch(l -> l.round() > 1);
        for (Line l : lines) {
            Result d = l.direct();
            Result g = l.gateway();
            s.append("| ").append(l.workload()).append(rounds && l.gateway() != null ? ", round " + l.round() : "")
                    .append(" | ").append(rate(d))
                    .append(" | ").append(rate(g))
                    .append(" | ").append(number(l.ratio(), 2))
                    .append(" | ").append(d == null ? "-" : number(d.p50Ms(), 2))
                    .append(" | ").append(g == null ? "-" : number(g.p50Ms(), 2))
                    .append(" | ").append(signed(l.addedP50()))
                    .append(" | ").append(d == null ? "-" : number(d.p99Ms(), 2))
                    .append(" | ").append(g == null ? "-" : number(g.p99Ms(), 2))
                    .append(" | ").append(signed(l.addedP99()))
                    .append(" | ").append(number(l.gatewayCores(), 2))
                    .append(" | ").append(number(l.cpuMsPerMb(), 1))
                    .append(" | ").append(number(l.cpuUsPerUnit(), 1))
                    .append(" | ").append(cell(l.notes())).append(" |\n");
        }
        if (rounds) {
            medians(s);
        }
        return s.toString();
    }

    /** Per workload, the median of each figure over its rounds (the ratio's lowest and highest too). */
    private void medians(StringBuilder s) {
        Map<String, List<Line>> byWorkload = new LinkedHashMap<>();
        lines.stream().filter(l -> l.gateway() != null)
                .forEach(l -> byWorkload.computeIfAbsent(l.workload(), w -> new ArrayList<>()).add(l));
        s.append("\n### Medians over the rounds\n\n| workload | rounds | direct /s | gateway /s | gateway / direct"
                + " | lowest - highest | added p50 ms | added p99 ms | gateway cores | gateway CPU us/unit | notes |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        byWorkload.forEach((workload, rows) -> {
            List<Line> ran = rows.stream().filter(l -> !Double.isNaN(l.ratio())).toList();
            double[] ratios = ran.stream().mapToDouble(Line::ratio).sorted().toArray();
            double ratio = median(ran, Line::ratio);
            double addedP50 = median(ran, Line::addedP50);
            s.append("| ").append(workload)
                    .append(" | ").append(ran.size()).append(ran.size() < rows.size() ? " of " + rows.size() : "")
                    .append(" | ").append(number(median(ran, l -> l.direct().recordsPerSec()), 0))
                    .append(" | ").append(number(median(ran, l -> l.gateway().recordsPerSec()), 0))
                    .append(" | ").append(number(ratio, 2))
                    .append(" | ").append(ratios.length == 0 ? "-"
                            : number(ratios[0], 2) + " - " + number(ratios[ratios.length - 1], 2))
                    .append(" | ").append(signed(addedP50))
                    .append(" | ").append(signed(median(ran, Line::addedP99)))
                    .append(" | ").append(number(median(ran, Line::gatewayCores), 2))
                    .append(" | ").append(number(median(ran, Line::cpuUsPerUnit), 1))
                    .append(" | ").append(cell(String.join("; ",
                            targets(rows.getFirst().ratioTarget() ? ratio : Double.NaN, addedP50))))
                    .append(" |\n");
        });
    }

    /** The median of a figure over lines (NaN figures left out; NaN when none is left). */
    static double median(List<Line> lines, ToDoubleFunction<Line> figure) {
        double[] v = lines.stream().mapToDouble(figure).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Writes the table to {@code dir/results-<timestamp>.md} and returns the file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.resolve("results-" + stamp + ".md");
        Files.writeString(file, toMarkdown(), StandardCharsets.UTF_8);
        return file;
    }

    private static String rate(Result r) {
        return r == null ? "-" : number(r.recordsPerSec(), 0);
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A difference: with its sign. */
    static String signed(double v) {
        return Double.isNaN(v) ? "-" : (v >= 0 ? "+" : "") + number(v, 2);
    }

    /** One table cell: no line breaks or pipes, at most 240 characters. */
    static String cell(String text) {
        String t = text.replaceAll("\\s+", " ").replace("|", "\\|").trim();
        return t.length() > 240 ? t.substring(0, 237) + "..." : t;
    }
}
