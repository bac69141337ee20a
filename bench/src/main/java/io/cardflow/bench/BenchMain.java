package io.cardflow.bench;

import io.cardflow.bench.Runner.StepResult;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The load generator of bench/run.sh. Configured by environment variables (run.sh sets them):
 * BENCH_BASE_URL, BENCH_ADMIN_KEY, BENCH_SERVER_PID, BENCH_OUT (result directory), BENCH_PGBENCH_CSV,
 * BENCH_CLIENTS (1,4,16,64), BENCH_WARMUP and BENCH_DURATION (seconds per step), BENCH_MAX_REQUESTS (per step),
 * BENCH_MERCHANTS (100), BENCH_HOT_CUSTOMERS (10 customers of 3 cards for the one-merchant scenario),
 * BENCH_WAIT (10: the flows' status reads long-poll with ?wait=10; 0: they poll every BENCH_POLL_MS instead),
 * BENCH_POLL_MS (50, the flows' polling interval without long-poll), BENCH_OPEN_FRACTION (0.8), BENCH_DRAIN_TIMEOUT (seconds),
 * BENCH_STEPS (the scenarios to run, e.g. {@code flow}; all when unset).
 * Only loopback URLs are accepted.
 */
public final class BenchMain {

    record Merchant(String id, String key, List<String> cards) {
    }

    record Pending(String key, String customerId, long createdNanos) {
    }

    record Drain(String after, long topUps, double seconds, boolean complete) {
    }

    private final Api api;
    private final String adminKey;
    private final Runner runner;
    private final int[] clientCounts;
    private final int merchantCount;
    private final int hotCustomers;
    private final long pollMs;
    private final int waitSeconds;
    private final double openFraction;
    private final double drainTimeout;
    private final List<Merchant> merchants = new ArrayList<>();
    private final List<String[]> topUpIds = new ArrayList<>(); // {merchant key, top-up id}
    private final List<Drain> drains = new ArrayList<>();
    private final List<String> steps;

    BenchMain(Map<String, String> env) {
        String base = env.getOrDefault("BENCH_BASE_URL", "http://127.0.0.1:8080");
        String host = java.net.URI.create(base).getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("the benchmark only loads loopback addresses, not " + host);
        }
        this.api = new Api(base);
        this.adminKey = require(env, "BENCH_ADMIN_KEY");
        this.clientCounts = Arrays.stream(env.getOrDefault("BENCH_CLIENTS", "1,4,16,64").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        this.merchantCount = Integer.parseInt(env.getOrDefault("BENCH_MERCHANTS", "100"));
        this.hotCustomers = Integer.parseInt(env.getOrDefault("BENCH_HOT_CUSTOMERS", "10"));
        this.pollMs = Long.parseLong(env.getOrDefault("BENCH_POLL_MS", "50"));
        this.waitSeconds = Integer.parseInt(env.getOrDefault("BENCH_WAIT", "10"));
        this.openFraction = Double.parseDouble(env.getOrDefault("BENCH_OPEN_FRACTION", "0.8"));
        this.drainTimeout = Double.parseDouble(env.getOrDefault("BENCH_DRAIN_TIMEOUT", "180"));
        String steps = env.getOrDefault("BENCH_STEPS", "");
        this.steps = Arrays.stream((steps.isBlank() ? "http-get,onboard,flow,topup-100,topup-1,status-get" : steps).split(","))
                .map(String::strip).toList();
        this.runner = new Runner(new ProcSampler(Long.parseLong(env.getOrDefault("BENCH_SERVER_PID", "0"))),
                Double.parseDouble(env.getOrDefault("BENCH_WARMUP", "5")),
                Double.parseDouble(env.getOrDefault("BENCH_DURATION", "15")),
                Long.parseLong(env.getOrDefault("BENCH_MAX_REQUESTS", "1000000")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path out = Path.of(env.getOrDefault("BENCH_OUT", "bench/results/manual"));
        Files.createDirectories(out);
        List<Report.PgRow> pg = Report.readPgbench(env.get("BENCH_PGBENCH_CSV"));
        BenchMain bench = new BenchMain(env);
        Instant started = Instant.now();
        List<StepResult> results = bench.run();
        Report.write(out, started, pg, results, bench.drains, env);
        System.out.println("results in " + out.toAbsolutePath());
    }

    List<StepResult> run() throws Exception {
        long t = System.nanoTime();
        setup();
        System.out.printf("setup: %d merchants, %d cards, %.1f s%n", merchants.size(),
                merchants.stream().mapToInt(m -> m.cards().size()).sum(), (System.nanoTime() - t) / 1e9);
        List<StepResult> results = new ArrayList<>();

        for (int c : clientCounts("http-get")) {
            results.add(runner.closed("http-get", "req", c, (ctx, client, i) ->
                    ctx.call(api, api.get(merchantFor(client, i).key(), "/api/v1/balance"), 200)));
        }
        ConcurrentLinkedDeque<Pending> approving = new ConcurrentLinkedDeque<>();
        for (int c : clientCounts("onboard")) {
            results.add(runner.closed("onboard", "req", c, (ctx, client, i) -> onboard(ctx, client, i, approving)));
        }
        if (steps.contains("onboard")) {
            drain("onboard");
        }
        for (int c : clientCounts("flow")) {
            // A whole flow lasts several background decisions: measure it over a longer window.
            results.add(runner.closed("flow", "flow", c, this::flow, Math.max(runnerSeconds() * 2, 10)));
        }
        if (steps.contains("flow")) {
            drain("flow");
        }

        AtomicLong spread = new AtomicLong();
        for (int c : clientCounts("topup-100")) {
            long before = totalTopUpsCreated(spread);
            results.add(runner.closed("topup-100", "req", c, (ctx, client, i) -> topUp(ctx, spreadCard(spread.getAndIncrement()), true)));
            drain("topup-100 c=" + c, spread.get() - before);
        }
        AtomicLong hot = new AtomicLong();
        Merchant hotMerchant = merchants.getFirst();
        for (int c : clientCounts("topup-1")) {
            long before = hot.get();
            results.add(runner.closed("topup-1", "req", c, (ctx, client, i) ->
                    topUp(ctx, new String[] {hotMerchant.key(), hotMerchant.cards().get((int) (hot.getAndIncrement() % hotMerchant.cards().size()))}, false)));
            drain("topup-1 c=" + c, hot.get() - before);
        }
        List<String[]> ids;
        synchronized (topUpIds) {
            ids = List.copyOf(topUpIds);
        }
        AtomicLong reads = new AtomicLong();
        for (int c : ids.isEmpty() ? new int[0] : clientCounts("status-get")) {
            results.add(runner.closed("status-get", "req", c, (ctx, client, i) -> {
                String[] id = ids.get((int) (reads.getAndIncrement() % ids.size()));
                ctx.call(api, api.get(id[0], "/api/v1/topupstatus/" + id[1]), 200);
            }));
        }

        // Open loop at a fraction of each top-up scenario's closed-loop peak: the p99 a client really sees.
        for (String scenario : List.of("topup-100", "topup-1").stream().filter(steps::contains).toList()) {
            double peak = results.stream().filter(r -> r.scenario().equals(scenario)).mapToDouble(StepResult::throughput).max().orElse(0);
            double rate = Math.max(1, peak * openFraction);
            AtomicLong n = new AtomicLong();
            results.add(runner.open(scenario, "req", rate, 256, index -> {
                String[] card = scenario.equals("topup-100") ? spreadCard(spread.getAndIncrement())
                        : new String[] {hotMerchant.key(), hotMerchant.cards().get((int) (hot.getAndIncrement() % hotMerchant.cards().size()))};
                n.incrementAndGet();
                return api.post(card[0], "/api/v1/cards/" + card[1] + "/topup", Api.TOPUP);
            }, api, 202));
            drain(scenario + " open", n.get());
        }
        return results;
    }

    /** The client counts of a scenario's closed-loop steps: none when BENCH_STEPS leaves it out. */
    private int[] clientCounts(String scenario) {
        return steps.contains(scenario) ? clientCounts : new int[0];
    }

    private double runnerSeconds() {
        return Double.parseDouble(System.getenv().getOrDefault("BENCH_DURATION", "15"));
    }

    private long totalTopUpsCreated(AtomicLong counter) {
        return counter.get();
    }

    private Merchant merchantFor(int client, long iteration) {
        return merchants.get((int) ((client * 7919L + iteration) % merchants.size()));
    }

    /** Top-ups spread evenly over every merchant, and over each merchant's cards. */
    private String[] spreadCard(long n) {
        Merchant m = merchants.get((int) (n % merchants.size()));
        return new String[] {m.key(), m.cards().get((int) ((n / merchants.size()) % m.cards().size()))};
    }

    private void topUp(Runner.Ctx ctx, String[] card, boolean keepId) throws Exception {
        ctx.requests.incrementAndGet();
        long start = System.nanoTime();
        try {
            Api.Response r = api.send(api.post(card[0], "/api/v1/cards/" + card[1] + "/topup", Api.TOPUP));
            if (r.status() == 202) {
                ctx.record(start, r.completedNanos());
                if (keepId && topUpIds.size() < 50_000) {
                    synchronized (topUpIds) {
                        topUpIds.add(new String[] {card[0], r.field("topupId")});
                    }
                }
            } else {
                ctx.error(start, "topup -> " + r.status() + " " + r.body());
            }
        } catch (IOException e) {
            ctx.error(start, e);
        }
    }

    /** POST a customer and its KYC, then issue a card to a customer whose KYC was submitted a second ago. */
    private void onboard(Runner.Ctx ctx, int client, long i, ConcurrentLinkedDeque<Pending> approving) throws Exception {
        Merchant m = merchantFor(client, i);
        ctx.requests.incrementAndGet();
        long start = System.nanoTime();
        Api.Response customer = api.send(api.post(m.key(), "/api/v1/customers", Api.CUSTOMER));
        if (customer.status() != 201) {
            ctx.error(start, "customer -> " + customer.status());
            return;
        }
        ctx.record(start, customer.completedNanos());
        String customerId = customer.field("customerId");
        if (ctx.call(api, api.post(m.key(), "/api/v1/customers/" + customerId + "/products/" + Api.PRODUCT + "/applicant", Api.KYC), 202)) {
            approving.addLast(new Pending(m.key(), customerId, System.nanoTime()));
        }
        Pending ready = approving.pollFirst();
        if (ready == null) {
            return;
        }
        if (System.nanoTime() - ready.createdNanos() < 1_000_000_000L) {
            approving.addFirst(ready);
            return;
        }
        ctx.requests.incrementAndGet();
        long cardStart = System.nanoTime();
        Api.Response card = api.send(api.post(ready.key(), "/api/v1/cards",
                "{\"customerId\": \"" + ready.customerId() + "\", \"productId\": \"" + Api.PRODUCT + "\"}"));
        if (card.status() == 201) {
            ctx.record(cardStart, card.completedNanos());
        } else if (card.status() == 409 && card.body().contains("kyc_not_approved")) {
            approving.addLast(ready); // not decided yet: a real answer, tried again later
        } else {
            ctx.error(cardStart, "card -> " + card.status() + " " + card.body());
        }
    }

    /** The seven phases, long-polling each status (or polling at a short fixed interval); one flow is one recorded latency. */
    private void flow(Runner.Ctx ctx, int client, long i) throws Exception {
        Merchant m = merchantFor(client, i);
        ctx.requests.incrementAndGet();
        long start = System.nanoTime();
        try {
            String customerId = api.expect(api.post(m.key(), "/api/v1/customers", Api.CUSTOMER), 201).field("customerId");
            String product = "/api/v1/customers/" + customerId + "/products/" + Api.PRODUCT;
            api.expect(api.post(m.key(), product + "/applicant", Api.KYC), 202);
            poll(status(m.key(), product + "/applicantstatus"), "status", "approved", "underreview");
            String cardId = api.expect(api.post(m.key(), "/api/v1/cards",
                    "{\"customerId\": \"" + customerId + "\", \"productId\": \"" + Api.PRODUCT + "\"}"), 201).field("cardId");
            poll(status(m.key(), "/api/v1/card/" + cardId), "state", "active", "pending");
            String topUpId = api.expect(api.post(m.key(), "/api/v1/cards/" + cardId + "/topup", "{\"amount\": 5000, \"currency\": \"USD\"}"), 202)
                    .field("topupId");
            poll(status(m.key(), "/api/v1/topupstatus/" + topUpId), "status", "approved", "pending");
            ctx.record(start, System.nanoTime());
        } catch (IOException e) {
            ctx.error(start, e.getMessage());
        }
    }

    /** A status read: long-polling (answered the moment the status changes) unless BENCH_WAIT is 0. */
    private HttpRequest status(String key, String path) {
        return api.get(key, waitSeconds > 0 ? path + "?wait=" + waitSeconds : path);
    }

    /** Reads until {@code done}; between reads that did not wait at the server, sleeps BENCH_POLL_MS. */
    private void poll(HttpRequest request, String field, String done, String waiting) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String value = api.expect(request, 200).field(field);
            if (done.equals(value)) {
                return;
            }
            if (!waiting.equals(value) || System.nanoTime() > deadline) {
                throw new IOException(request.uri().getPath() + " ended " + field + "=" + value);
            }
            if (waitSeconds == 0) {
                Thread.sleep(pollMs);
            }
        }
    }

    private void setup() throws Exception {
        int hot = hotCustomers;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore limit = new Semaphore(8);
            List<Future<Merchant>> futures = new ArrayList<>();
            for (int i = 0; i < merchantCount; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    limit.acquire();
                    try {
                        return setupMerchant(index, index == 0 ? hot : 1);
                    } finally {
                        limit.release();
                    }
                }));
            }
            for (Future<Merchant> f : futures) {
                merchants.add(f.get());
            }
        }
    }

    private Merchant setupMerchant(int index, int customers) throws Exception {
        String admin = "/api/v1/admin/merchants";
        String merchantId = api.expect(api.post(adminKey, admin, "{\"name\": \"Bench Merchant " + (char) ('A' + index % 26) + "\"}"), 201)
                .field("merchantId");
        String key = api.expect(api.post(adminKey, admin + "/" + merchantId + "/api-keys", null), 201).field("key");
        api.expect(api.post(adminKey, admin + "/" + merchantId + "/deposits", "{\"amount\": 100000000000, \"currency\": \"USD\"}"), 201);
        List<String> cards = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String customerId = api.expect(api.post(key, "/api/v1/customers", Api.CUSTOMER), 201).field("customerId");
            String product = "/api/v1/customers/" + customerId + "/products/" + Api.PRODUCT;
            api.expect(api.post(key, product + "/applicant", Api.KYC), 202);
            poll(status(key, product + "/applicantstatus"), "status", "approved", "underreview");
            for (int k = 0; k < 3; k++) { // cardsPerCustomer of prod_usd_virtual
                cards.add(api.expect(api.post(key, "/api/v1/cards",
                        "{\"customerId\": \"" + customerId + "\", \"productId\": \"" + Api.PRODUCT + "\"}"), 201).field("cardId"));
            }
        }
        for (String card : cards) {
            poll(status(key, "/api/v1/card/" + card), "state", "active", "pending");
        }
        return new Merchant(merchantId, key, List.copyOf(cards));
    }

    private void drain(String after) throws Exception {
        drain(after, -1);
    }

    /** Waits until no top-up is pending any more (settlement caught up), so each step starts from a quiet server. */
    private void drain(String after, long topUps) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Runner.nanos(drainTimeout);
        boolean complete = false;
        while (System.nanoTime() < deadline) {
            if (pendingTopUps() == 0) {
                complete = true;
                break;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (topUps >= 0) {
            drains.add(new Drain(after, topUps, seconds, complete));
            System.out.printf("  drained after %s: %.1f s%s%n", after, seconds, complete ? "" : " (timed out)");
        }
        if (!complete) {
            System.err.println("  settlement did not catch up within " + drainTimeout + " s after " + after);
        }
    }

    private long pendingTopUps() throws Exception {
        long pending = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (Merchant m : merchants) {
                answers.add(pool.submit(() -> api.expect(api.get(adminKey, "/api/v1/admin/merchants/" + m.id()), 200).json()));
            }
            for (Future<JsonNode> a : answers) {
                for (JsonNode b : a.get().path("balances")) {
                    pending += b.path("pending").asLong();
                }
            }
        }
        return pending;
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }
}
