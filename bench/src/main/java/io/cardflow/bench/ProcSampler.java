package io.cardflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads CPU time and resident memory from /proc (Linux): the server process, every {@code postgres} process
 * (the database's share of the machine), and this load generator itself. CPU is in clock ticks
 * ({@code CLK_TCK}, 100 on Linux); {@link #cores} turns two readings into cores busy on average.
 */
final class ProcSampler {

    static final double TICKS_PER_SECOND = 100.0;

    record Reading(long nanos, long serverTicks, long serverRssKiB, Map<Long, Long> postgresTicks, long selfTicks) {
    }

    private final long serverPid;
    private final boolean available;

    ProcSampler(long serverPid) {
        this.serverPid = serverPid;
        this.available = serverPid > 0 && Files.isReadable(Path.of("/proc", Long.toString(serverPid), "stat"));
    }

    boolean available() {
        return available;
    }

    Reading read() {
        long now = System.nanoTime();
        if (!available) {
            return new Reading(now, 0, 0, Map.of(), 0);
        }
        return new Reading(now, ticks(serverPid), rssKiB(serverPid), postgresTicks(), ticks(ProcessHandle.current().pid()));
    }

    /** Average cores used between two readings by the server, the database and the generator. */
    static double[] cores(Reading from, Reading to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        if (seconds <= 0) {
            return new double[] {0, 0, 0};
        }
        long pg = 0;
        for (Map.Entry<Long, Long> e : to.postgresTicks().entrySet()) {
            pg += e.getValue() - from.postgresTicks().getOrDefault(e.getKey(), 0L);
        }
        return new double[] {
            (to.serverTicks() - from.serverTicks()) / TICKS_PER_SECOND / seconds,
            pg / TICKS_PER_SECOND / seconds,
            (to.selfTicks() - from.selfTicks()) / TICKS_PER_SECOND / seconds};
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    private static Map<Long, Long> postgresTicks() {
        Map<Long, Long> result = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    if (Files.readString(dir.resolve("comm")).strip().startsWith("postgres")) {
                        long pid = Long.parseLong(dir.getFileName().toString());
                        result.put(pid, ticks(pid));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return result;
    }
}
