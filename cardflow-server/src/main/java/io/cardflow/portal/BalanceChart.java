package io.cardflow.portal;

import io.cardflow.ledger.BalancePoint;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A merchant's available balance over its last ledger transactions, drawn as an inline SVG line (no script, nothing
 * fetched) and listed as the table that is its text alternative. Points are evenly spaced: one per transaction.
 */
record BalanceChart(String currency, String points, String highest, String lowest, List<Row> rows) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;

    record Row(String at, String available) {
    }

    static BalanceChart of(String currency, List<BalancePoint> history, ZoneId zone) {
        long max = history.stream().mapToLong(BalancePoint::available).max().orElse(0);
        long min = history.stream().mapToLong(BalancePoint::available).min().orElse(0);
        long span = Math.max(1, max - min);
        int steps = Math.max(1, history.size() - 1);
        String points = IntStream.range(0, history.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f", (double) WIDTH * i / steps,
                        HEIGHT - (double) HEIGHT * (history.get(i).available() - min) / span))
                .collect(Collectors.joining(" "));
        List<Row> rows = history.reversed().stream()
                .map(point -> new Row(Times.show(point.at(), zone), Amounts.format(point.available(), currency)))
                .toList();
        return new BalanceChart(currency, points, Amounts.format(max, currency), Amounts.format(min, currency), rows);
    }
}
