package io.kafkarest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer of {@code GET /prometheus} (Prometheus text format), parsed into samples. {@link #awaitAtLeast} scrapes
 * a management port until a series reaches a value.
 */
public final class PrometheusScrape {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new PrometheusScrape(text, samples);
    }

    /** {@code GET http://localhost:<port>/prometheus}: must answer 200 in the Prometheus text format. */
    public static PrometheusScrape of(int managementPort) {
        return parse(TestHttp.to("http://localhost:" + managementPort).withTimeout(Duration.ofSeconds(10))
                .get("/prometheus").expect(200).body());
    }

    /** Scrapes until {@link #sum} of the series reaches {@code min}; fails after {@code timeout}. */
    public static PrometheusScrape awaitAtLeast(int managementPort, String name, Map<String, String> labels,
                                                double min, Duration timeout) {
        AtomicReference<PrometheusScrape> last = new AtomicReference<>();
        try {
            return Wait.forValue(timeout, name + labels, () -> {
                last.set(of(managementPort));
                return last.get();
            }, scrape -> scrape.sum(name, labels) >= min);
        } catch (AssertionError e) {
            PrometheusScrape scrape = last.get();
            throw new AssertionError(name + labels + " = " + (scrape == null ? "not scraped" : scrape.sum(name, labels))
                    + ", expected at least " + min + " within " + timeout + "; the series of that name:\n"
                    + (scrape == null ? "" : scrape.lines(name)), e);
        }
    }

    /** The sum of the samples called {@code name} whose labels include {@code labels} (0 when there is none). */
    public double sum(String name, Map<String, String> labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    public List<Sample> matching(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** Whether any sample's name starts with {@code prefix}. */
    public boolean hasSeriesStartingWith(String prefix) {
        return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * The text lines of the series called {@code name} (for failure messages); if there is none, the names of the
     * series that share its first word.
     */
    public String lines(String name) {
        List<String> lines = text.lines().filter(l -> l.startsWith(name)).limit(50).toList();
        if (!lines.isEmpty()) {
            return String.join("\n", lines);
        }
        String family = name.contains("_") ? name.substring(0, name.indexOf('_') + 1) : name;
        return "(none; series named " + family + "*: " + samples.stream().map(Sample::name)
                .filter(n -> n.startsWith(family)).distinct().sorted().toList() + ")";
    }

    @Override
    public String toString() {
        return text;
    }
}
