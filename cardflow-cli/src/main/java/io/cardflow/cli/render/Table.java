package io.cardflow.cli.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Rows under a header, each column as wide as its widest cell; null cells show as {@code -}. */
public final class Table implements Rendering {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> Objects.toString(cell, "-")).toList());
        return this;
    }

    @Override
    public String render() {
        if (rows.isEmpty()) {
            return "(none)";
        }
        var widths = new int[header.size()];
        for (var line : lines()) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        return lines().stream().map(line -> format(line, widths)).collect(Collectors.joining("\n"));
    }

    private List<List<String>> lines() {
        var lines = new ArrayList<List<String>>();
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }

    private static String format(List<String> line, int[] widths) {
        var text = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            var last = column == widths.length - 1;
            text.append(last ? line.get(column) : pad(line.get(column), widths[column] + 2));
        }
        return text.toString();
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
