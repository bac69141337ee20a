package io.cardflow.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The ledger's totals: per account kind and currency, the sum of the balances (minor units), and per kind the number of
 * accounts. One query reads them all, over every account, so its answer serves every gauge of a scrape (a second).
 * A currency's balances appear from the scrape after its first account's; the account counts exist from the start.
 */
@Component
class LedgerGauges implements MeterBinder {

    private static final long FRESH_FOR_NANOS = Duration.ofSeconds(1).toNanos();

    private final LedgerRepository ledger;
    private MeterRegistry meters;
    /** Micrometer warns about a gauge registered twice: each kind and currency is registered once. */
    private final Set<String> registered = new HashSet<>();
    private List<LedgerRepository.Total> totals;
    private long readAt;

    LedgerGauges(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.meters = meters;
        for (AccountKind kind : AccountKind.values()) {
            Gauge.builder("cardflow.ledger.accounts", () -> totals().stream().filter(total -> total.kind() == kind)
                            .mapToLong(LedgerRepository.Total::accounts).sum())
                    .description("Ledger accounts of this kind, all currencies").tag("kind", kind.dbValue()).register(meters);
        }
    }

    private synchronized List<LedgerRepository.Total> totals() {
        if (totals == null || System.nanoTime() - readAt > FRESH_FOR_NANOS) {
            totals = ledger.totals();
            readAt = System.nanoTime();
            totals.forEach(this::registerBalance);
        }
        return totals;
    }

    private void registerBalance(LedgerRepository.Total total) {
        AccountKind kind = total.kind();
        String currency = total.currency();
        if (!registered.add(kind.dbValue() + " " + currency)) {
            return;
        }
        Gauge.builder("cardflow.ledger.balance", () -> totals().stream()
                        .filter(t -> t.kind() == kind && t.currency().equals(currency))
                        .mapToLong(LedgerRepository.Total::balance).sum())
                .description("Sum of the balances of the ledger accounts of this kind and currency, in minor units: "
                        + "platform_funding is minus all deposits, card_network all card spending")
                .tag("kind", kind.dbValue()).tag("currency", currency).register(meters);
    }
}
