package io.cardflow.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one step of a scenario, closed-loop (N virtual clients, each sending its next request when the last one
 * answered) or open-loop (requests due at a fixed rate, latency from the intended send time). Each step has a
 * warm-up that is not recorded, then a measured window; it is bounded in time and in requests.
 */
final class Runner {

    record StepResult(String scenario, String mode, int clients, double targetRate, double seconds, long count, long errors,
                      double throughput, double p50Ms, double p95Ms, double p99Ms, double maxMs, double serverRssMiB,
                      double serverCpu, double dbCpu, double generatorCpu, String unit) {
    }

    /** What a closed-loop client does once; it times what it wants measured through the context. */
    interface Op {
        void run(Ctx ctx, int client, long iteration) throws Exception;
    }

    /** The measured window, shared by the clients of one step. */
    static final class Ctx {
        final LatencyRecorder recorder = new LatencyRecorder();
        final long measureStart;
        final long measureEnd;
        final long maxRequests;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errorsShown = new AtomicLong();

        Ctx(long measureStart, long measureEnd, long maxRequests) {
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            this.maxRequests = maxRequests;
        }

        boolean running() {
            return System.nanoTime() < measureEnd && requests.get() < maxRequests;
        }

        /** Records a latency from {@code start} to {@code end} when the whole of it lies in the measured window. */
        void record(long start, long end) {
            if (start >= measureStart && end < measureEnd) {
                recorder.record(end - start);
            }
        }

        void error(long start, Object what) {
            if (start >= measureStart && System.nanoTime() < measureEnd) {
                recorder.error();
            }
            if (errorsShown.incrementAndGet() <= 5) {
                System.err.println("  error: " + what);
            }
        }

        /** One timed request; true when it answered {@code expected}. */
        boolean call(Api api, HttpRequest request, int expected) {
            requests.incrementAndGet();
            long start = System.nanoTime();
            try {
                Api.Response r = api.send(request);
                if (r.status() == expected) {
                    record(start, r.completedNanos());
                    return true;
                }
                error(start, request.method() + " " + request.uri().getPath() + " -> " + r.status() + " " + r.body());
            } catch (Exception e) {
                error(start, e);
            }
            return false;
        }
    }

    private final ProcSampler sampler;
    private final double warmupSeconds;
    private final double measureSeconds;
    private final long maxRequests;

    Runner(ProcSampler sampler, double warmupSeconds, double measureSeconds, long maxRequests) {
        this.sampler = sampler;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.maxRequests = maxRequests;
    }

    StepResult closed(String scenario, String unit, int clients, Op op) throws InterruptedException {
        return closed(scenario, unit, clients, op, measureSeconds);
    }

    StepResult closed(String scenario, String unit, int clients, Op op, double seconds) throws InterruptedException {
        long t0 = System.nanoTime();
        long measureStart = t0 + nanos(warmupSeconds);
        long measureEnd = measureStart + nanos(seconds);
        Ctx ctx = new Ctx(measureStart, measureEnd, maxRequests);
        Monitor monitor = new Monitor(sampler, measureStart, measureEnd);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(monitor);
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    long i = 0;
                    while (ctx.running()) {
                        try {
                            op.run(ctx, client, i++);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            ctx.error(System.nanoTime(), e);
                        }
                    }
                });
            }
        }
        return result(scenario, "closed", clients, 0, ctx, monitor, unit);
    }

    /**
     * Open loop: request {@code i} is due at {@code start + i/rate}; a scheduler releases each at its time (at most
     * {@code maxInFlight} outstanding, so a stalled server cannot make the generator unbounded) and its latency is
     * counted from the due time. Requests due during the warm-up are sent but not recorded.
     */
    StepResult open(String scenario, String unit, double rate, int maxInFlight, java.util.function.LongFunction<HttpRequest> requests,
                    Api api, int expected) throws InterruptedException {
        long t0 = System.nanoTime() + 50_000_000L;
        long measureStart = t0 + nanos(warmupSeconds);
        long measureEnd = measureStart + nanos(measureSeconds);
        Ctx ctx = new Ctx(measureStart, Long.MAX_VALUE, maxRequests);
        OpenLoopSchedule schedule = new OpenLoopSchedule(t0, rate);
        Monitor monitor = new Monitor(sampler, measureStart, measureEnd);
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = Math.min(maxRequests, schedule.countWithin(measureEnd - t0));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(monitor);
            for (long i = 0; i < total; i++) {
                long due = schedule.intendedNanos(i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                long index = i;
                pool.submit(() -> {
                    try {
                        ctx.requests.incrementAndGet();
                        Api.Response r = api.send(requests.apply(index));
                        if (r.status() == expected) {
                            if (due >= measureStart) {
                                ctx.recorder.record(OpenLoopSchedule.latency(due, r.completedNanos()));
                            }
                        } else {
                            ctx.error(due, "open-loop -> " + r.status() + " " + r.body());
                        }
                    } catch (Exception e) {
                        ctx.error(due, e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return result(scenario, "open", maxInFlight, rate, ctx, monitor, unit);
    }

    private StepResult result(String scenario, String mode, int clients, double rate, Ctx ctx, Monitor monitor, String unit) {
        LatencyRecorder.Snapshot s = ctx.recorder.snapshot();
        double seconds = monitor.seconds();
        StepResult r = new StepResult(scenario, mode, clients, rate, seconds, s.count(), s.errors(),
                seconds > 0 ? s.count() / seconds : 0, ms(s.percentile(50)), ms(s.percentile(95)), ms(s.percentile(99)), ms(s.max()),
                monitor.maxRssKiB / 1024.0, monitor.cores[0], monitor.cores[1], monitor.cores[2], unit);
        System.out.printf("  %-16s %-6s c=%-3d %9.1f %s/s  p50 %7.2f ms  p95 %8.2f ms  p99 %8.2f ms  max %8.1f ms  err %d  rss %.0f MiB  cpu srv %.2f db %.2f gen %.2f%n",
                scenario, mode, clients, r.throughput(), unit, r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.errors(), r.serverRssMiB(),
                r.serverCpu(), r.dbCpu(), r.generatorCpu());
        return r;
    }

    static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Samples the processes once a second through the measured window. */
    static final class Monitor implements Runnable {
        private final ProcSampler sampler;
        private final long start;
        private final long end;
        volatile long maxRssKiB;
        volatile double[] cores = {0, 0, 0};
        private volatile double seconds;

        Monitor(ProcSampler sampler, long start, long end) {
            this.sampler = sampler;
            this.start = start;
            this.end = end;
        }

        double seconds() {
            return seconds;
        }

        @Override
        public void run() {
            sleepUntil(start);
            ProcSampler.Reading first = sampler.read();
            ProcSampler.Reading last = first;
            long rss = first.serverRssKiB();
            while (System.nanoTime() < end) {
                sleepUntil(Math.min(end, System.nanoTime() + 1_000_000_000L));
                last = sampler.read();
                rss = Math.max(rss, last.serverRssKiB());
            }
            maxRssKiB = rss;
            cores = ProcSampler.cores(first, last);
            seconds = (end - start) / 1e9;
        }

        private static void sleepUntil(long deadline) {
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    static List<StepResult> list() {
        return new ArrayList<>();
    }

    static void awaitQuietly(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}
