package io.cardflow.observability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The samples of a Prometheus text-format scrape (version 0.0.4), by series: the metric name and its labels in name
 * order, as {@code name{a="1",b="2"}}. Comments and blank lines are skipped.
 */
record PrometheusText(Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+-?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static PrometheusText parse(String text) {
        Map<String, Double> samples = new TreeMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("Not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.put(series(sample.group(1), labels), Double.parseDouble(sample.group(3)));
        });
        return new PrometheusText(samples);
    }

    /** The value of the series with exactly these labels (name, value, name, value, ...), 0 when it is absent. */
    double value(String name, String... labels) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return samples.getOrDefault(series(name, sorted), 0.0);
    }

    /** The metric names that have at least one sample. */
    Set<String> names() {
        return samples.keySet().stream().map(series -> series.replaceFirst("\\{.*", "")).collect(Collectors.toSet());
    }

    /** The sum over the series of a name whose labels include these (name, value, ...). */
    double sum(String name, String... labels) {
        return samples.entrySet().stream().filter(sample -> sample.getKey().startsWith(name + "{")
                        && includes(sample.getKey(), labels))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static boolean includes(String series, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            String label = labels[i] + "=\"" + labels[i + 1] + "\"";
            if (!series.contains("{" + label) && !series.contains("," + label)) {
                return false;
            }
        }
        return true;
    }

    private static String series(String name, Map<String, String> labels) {
        return labels.isEmpty() ? name : name + labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
