package io.cardflow.bench;

import io.cardflow.bench.Runner.StepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/** results.md, results.csv and throughput.png. */
final class Report {

    record PgRow(int clients, double tps, double latencyMs) {
    }

    static List<PgRow> readPgbench(String file) throws IOException {
        List<PgRow> rows = new ArrayList<>();
        if (file == null || !Files.exists(Path.of(file))) {
            return rows;
        }
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] f = line.split(",");
            if (f.length >= 3 && f[0].matches("[0-9]+")) {
                rows.add(new PgRow(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return rows;
    }

    static void write(Path out, Instant started, List<PgRow> pg, List<StepResult> results, List<BenchMain.Drain> drains,
                      Map<String, String> env) throws IOException {
        Files.writeString(out.resolve("results.csv"), csv(pg, results));
        Files.writeString(out.resolve("results.md"), markdown(started, pg, results, drains, env));
        chart(pg, results, out.resolve("throughput.png"));
    }

    static String csv(List<PgRow> pg, List<StepResult> results) {
        StringBuilder b = new StringBuilder("scenario,mode,clients,target_rate,seconds,count,errors,throughput,unit,p50_ms,p95_ms,p99_ms,max_ms,"
                + "server_rss_mib,server_cpu_cores,db_cpu_cores,generator_cpu_cores\n");
        for (PgRow p : pg) {
            b.append(String.format(Locale.ROOT, "pgbench-tpcb,closed,%d,0,,,0,%.1f,txn,,,,,,,,%n", p.clients(), p.tps()));
        }
        for (StepResult r : results) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%d,%d,%.1f,%s,%.2f,%.2f,%.2f,%.2f,%.0f,%.2f,%.2f,%.2f%n",
                    r.scenario(), r.mode(), r.clients(), r.targetRate(), r.seconds(), r.count(), r.errors(), r.throughput(), r.unit(),
                    r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.serverRssMiB(), r.serverCpu(), r.dbCpu(), r.generatorCpu()));
        }
        return b.toString();
    }

    static double peak(List<StepResult> results, String scenario) {
        return closed(results, scenario).stream().mapToDouble(StepResult::throughput).max().orElse(0);
    }

    static List<StepResult> closed(List<StepResult> results, String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.mode().equals("closed")).toList();
    }

    static double at(List<StepResult> results, String scenario, int clients) {
        return closed(results, scenario).stream().filter(r -> r.clients() == clients).mapToDouble(StepResult::throughput).findFirst().orElse(0);
    }

    static String markdown(Instant started, List<PgRow> pg, List<StepResult> results, List<BenchMain.Drain> drains, Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        b.append("# cardflow benchmark results\n\n");
        b.append("Run started ").append(started).append(". Warm-up ").append(env.getOrDefault("BENCH_WARMUP", "5"))
                .append(" s and measured window ").append(env.getOrDefault("BENCH_DURATION", "15"))
                .append(" s per step (flows: twice that, at least 10 s); pgbench ").append(env.getOrDefault("BENCH_PGBENCH_SECONDS", "?"))
                .append(" s per client count.\n\n");
        b.append("## Database ceiling: pgbench tpcb-like (-M prepared, scale 10)\n\n| clients | TPS | avg latency ms |\n|---:|---:|---:|\n");
        for (PgRow p : pg) {
            b.append(String.format(Locale.ROOT, "| %d | %.0f | %.2f |%n", p.clients(), p.tps(), p.latencyMs()));
        }
        b.append("\n## Server under load (PostgreSQL, sandbox delay PT0S)\n\n");
        b.append("Latencies of closed-loop steps are per request (flows: per whole flow); open-loop steps are timed from each "
                + "request's intended send time. CPU is in cores (the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append("), averaged over the measured window; RSS is the server's maximum.\n\n");
        b.append("| scenario | mode | clients | throughput | p50 ms | p95 ms | p99 ms | max ms | errors | server RSS MiB | server CPU | DB CPU | generator CPU |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult r : results) {
            String mode = r.mode().equals("open") ? String.format(Locale.ROOT, "open @ %.0f/s", r.targetRate()) : "closed";
            String clients = r.mode().equals("open") ? "≤" + r.clients() : Integer.toString(r.clients());
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f %s/s | %.2f | %.2f | %.2f | %.1f | %d | %.0f | %.2f | %.2f | %.2f |%n",
                    r.scenario(), mode, clients, r.throughput(), r.unit(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.errors(),
                    r.serverRssMiB(), r.serverCpu(), r.dbCpu(), r.generatorCpu()));
        }

        double pgPeak = pg.stream().mapToDouble(PgRow::tps).max().orElse(0);
        double spreadPeak = peak(results, "topup-100");
        double hotPeak = peak(results, "topup-1");
        int maxClients = closed(results, "topup-1").stream().mapToInt(StepResult::clients).max().orElse(0);
        b.append("\n## Ratios\n\n| ratio | definition | value |\n|---|---|---:|\n");
        b.append(String.format(Locale.ROOT, "| R1 | peak top-ups/s (100 merchants) ÷ peak pgbench TPS | %.3f (%.0f ÷ %.0f) |%n",
                ratio(spreadPeak, pgPeak), spreadPeak, pgPeak));
        b.append(String.format(Locale.ROOT, "| R2 | peak one-merchant ÷ peak 100-merchant top-ups/s | %.3f (%.0f ÷ %.0f) |%n",
                ratio(hotPeak, spreadPeak), hotPeak, spreadPeak));
        b.append(String.format(Locale.ROOT, "| R5 | one-merchant top-ups/s at %d clients ÷ its peak | %.3f (%.0f ÷ %.0f) |%n",
                maxClients, ratio(at(results, "topup-1", maxClients), hotPeak), at(results, "topup-1", maxClients), hotPeak));
        b.append("\nPer client count:\n\n| clients | pgbench TPS | top-ups/s (100 merchants) | top-ups/s (1 merchant) | R1 | R2 |\n|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult r : closed(results, "topup-100")) {
            double p = pg.stream().filter(x -> x.clients() == r.clients()).mapToDouble(PgRow::tps).findFirst().orElse(0);
            double h = at(results, "topup-1", r.clients());
            b.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.3f | %.3f |%n", r.clients(), p, r.throughput(), h,
                    ratio(r.throughput(), p), ratio(h, r.throughput())));
        }
        if (!drains.isEmpty()) {
            double step = Double.parseDouble(env.getOrDefault("BENCH_WARMUP", "5")) + Double.parseDouble(env.getOrDefault("BENCH_DURATION", "15"));
            b.append("\n## Settlement (background) catching up\n\nTop-ups created in a step (warm-up included), and how long after the step "
                    + "the last of them was settled; the settlement rate is top-ups ÷ (step length + drain time), a lower bound.\n\n"
                    + "| after | top-ups created | drain s | settled/s (≥) |\n|---|---:|---:|---:|\n");
            for (BenchMain.Drain d : drains) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.1f%s | %.0f |%n", d.after(), d.topUps(), d.seconds(),
                        d.complete() ? "" : " (timed out)", d.topUps() / (step + d.seconds())));
            }
        }
        b.append("\n![throughput against clients](throughput.png)\n");
        return b.toString();
    }

    static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /** Throughput against clients, one line per scenario, both axes logarithmic so that every line is readable. */
    static void chart(List<PgRow> pg, List<StepResult> results, Path file) throws IOException {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        if (!pg.isEmpty()) {
            lines.put("pgbench tpcb (TPS)", pg.stream().map(p -> new double[] {p.clients(), p.tps()}).toList());
        }
        for (StepResult r : results) {
            if (r.mode().equals("closed")) {
                lines.computeIfAbsent(r.scenario() + " (" + r.unit() + "/s)", k -> new ArrayList<>()).add(new double[] {r.clients(), r.throughput()});
            }
        }
        TreeSet<Integer> xs = new TreeSet<>();
        double minY = Double.MAX_VALUE;
        double maxY = 1;
        for (List<double[]> line : lines.values()) {
            for (double[] p : line) {
                xs.add((int) p[0]);
                if (p[1] > 0) {
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        if (xs.isEmpty()) {
            xs.add(1);
            minY = 1;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, minY))));
        double hi = Math.pow(10, Math.ceil(Math.log10(maxY * 1.01)));

        int w = 1100;
        int h = 700;
        int left = 90;
        int right = 330;
        int top = 60;
        int bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int pw = w - left - right;
        int ph = h - top - bottom;
        List<Integer> xList = new ArrayList<>(xs);
        double xMin = Math.log(xList.getFirst());
        double xMax = Math.log(Math.max(xList.getLast(), xList.getFirst() + 1));
        java.util.function.DoubleUnaryOperator sx = x -> left + (Math.log(x) - xMin) / (xMax - xMin) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - (Math.log10(Math.max(y, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * ph;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.setColor(Color.BLACK);
        g.drawString("cardflow: throughput against concurrent clients (log scales)", left, 35);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (double y = lo; y <= hi * 1.0001; y *= 10) {
            for (int m = 1; m < 10; m++) {
                double v = y * m;
                if (v > hi * 1.0001) {
                    break;
                }
                int py = (int) sy.applyAsDouble(v);
                g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(238, 238, 238));
                g.drawLine(left, py, left + pw, py);
                if (m == 1) {
                    g.setColor(Color.DARK_GRAY);
                    String label = v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
                    g.drawString(label, left - 10 - g.getFontMetrics().stringWidth(label), py + 5);
                }
            }
        }
        for (int x : xList) {
            int px = (int) sx.applyAsDouble(x);
            g.setColor(new Color(220, 220, 220));
            g.drawLine(px, top, px, top + ph);
            g.setColor(Color.DARK_GRAY);
            String label = Integer.toString(x);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, top + ph + 22);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.drawString("concurrent clients", left + pw / 2 - 60, h - 20);
        Graphics2D gr = (Graphics2D) g.create();
        gr.rotate(-Math.PI / 2);
        gr.drawString("throughput per second", -(top + ph / 2 + 70), 25);
        gr.dispose();

        Color[] palette = {Color.BLACK, new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194)};
        int i = 0;
        int legendY = top + 10;
        for (Map.Entry<String, List<double[]>> e : lines.entrySet()) {
            Color c = palette[i % palette.length];
            g.setColor(c);
            g.setStroke(i == 0 && !pg.isEmpty()
                    ? new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f)
                    : new BasicStroke(2.5f));
            int[] prev = null;
            for (double[] p : e.getValue()) {
                int px = (int) sx.applyAsDouble(p[0]);
                int py = (int) sy.applyAsDouble(p[1]);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], px, py);
                }
                g.fillOval(px - 4, py - 4, 9, 9);
                prev = new int[] {px, py};
            }
            g.setStroke(new BasicStroke(3f));
            g.drawLine(left + pw + 20, legendY, left + pw + 50, legendY);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), left + pw + 58, legendY + 5);
            legendY += 26;
            i++;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
