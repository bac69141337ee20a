package io.cardflow.card;

import io.cardflow.common.AfterCommit;
import io.cardflow.config.CardflowProperties;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.product.ProductCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the card processor for a pending card with no transaction or row lock held while it works, so a slow or
 * hanging processor holds nothing of ours (docs/cards.md, "Issuance"):
 * <ol>
 *   <li>the question is durable before it is asked: a card is created with issuance step {@code REQUESTED} and
 *       attempt 1, and a later attempt is written down (step 3) before it is asked;</li>
 *   <li>the processor is asked, outside any transaction, with the idempotency key card id + attempt;</li>
 *   <li>one short transaction records the answer, only if the card is still pending and requested for that attempt.</li>
 * </ol>
 * An exception from the processor (timeout, error) leaves the card {@code REQUESTED}: the job's retry asks again with
 * the same key and gets the same answer. A crash between 2 and 3 leaves it {@code REQUESTED} too: the job runs again
 * after the restart, and the {@linkplain #askAgainForUnanswered() janitor} asks about any card left with no job.
 */
@Component
class CardIssuance {

    private static final Logger log = LoggerFactory.getLogger(CardIssuance.class);
    /** A processor that keeps answering numbers already in use is broken; the card waits, visibly, for a person. */
    private static final int MAX_NUMBER_ATTEMPTS = 5;
    private static final int JANITOR_BATCH = 100;

    private final CardRepository cards;
    private final ProductCatalog products;
    private final CardProcessor processor;
    private final PanVault vault;
    private final BackgroundJobs jobs;
    private final TransactionTemplate transactions;
    private final CardflowProperties properties;
    private final Clock clock;
    private final Counter activated;
    private final Counter failed;
    private final LongPoll longPoll;
    private final CardService cardService;

    CardIssuance(CardRepository cards, ProductCatalog products, CardProcessor processor, PanVault vault,
                 BackgroundJobs jobs, TransactionTemplate transactions, CardflowProperties properties, Clock clock,
                 MeterRegistry meters, LongPoll longPoll, CardService cardService) {
        this.cards = cards;
        this.products = products;
        this.processor = processor;
        this.vault = vault;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.activated = decisions(meters, CardState.ACTIVE);
        this.failed = decisions(meters, CardState.FAILED);
        this.longPoll = longPoll;
        this.cardService = cardService;
    }

    private static Counter decisions(MeterRegistry meters, CardState outcome) {
        return Counter.builder("cardflow.cards.issuance.decisions").description("Card issuances the processor answered")
                .tag("outcome", outcome.wire()).register(meters);
    }

    /** The background issuance. Safe to run twice, and concurrently: only the first answer recorded counts. */
    void issue(String cardId) {
        for (int asked = 0; asked < MAX_NUMBER_ATTEMPTS; asked++) {
            UnansweredIssuance unanswered = cards.unansweredIssuance(cardId).orElse(null);
            if (unanswered == null) {
                return;
            }
            IssuanceRequest request = requestFor(unanswered);
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("The card processor must not be called inside a database transaction");
            }
            IssuanceResult result = processor.issue(request);
            if (!Boolean.TRUE.equals(transactions.execute(status -> record(request, result)))) {
                return;
            }
        }
    }

    /**
     * The janitor (Kill Bill's pattern): cards whose answer has gone unrecorded for longer than the setting, with no
     * job of their own left to ask (their job was lost or gave up), are asked about again with the same key.
     */
    void askAgainForUnanswered() {
        List<String> stuck = cards.unansweredSince(clock.instant().minus(properties.providers().unansweredAfter()), JANITOR_BATCH);
        for (String cardId : stuck) {
            if (jobs.isScheduled(CardService.ISSUANCE, cardId)) {
                continue;
            }
            log.warn("Card {} has waited for the processor's answer for longer than {} with no job left: asking again",
                    cardId, properties.providers().unansweredAfter());
            try {
                issue(cardId);
            } catch (RuntimeException e) {
                log.warn("Asking the processor again about card {} failed; the next sweep tries again", cardId, e);
            }
        }
    }

    /** Step 3. True when the processor answered a number already in use and the next attempt is written down. */
    private boolean record(IssuanceRequest request, IssuanceResult result) {
        String cardId = request.cardId();
        if (result instanceof IssuanceResult.Issued issued && cards.panInUse(vault.fingerprint(issued.secrets().pan()))) {
            if (request.attempt() >= MAX_NUMBER_ATTEMPTS) {
                throw new IllegalStateException("The card processor answered " + MAX_NUMBER_ATTEMPTS
                        + " numbers already in use for card " + cardId);
            }
            log.warn("The processor answered card {} attempt {} with a number already in use; asking for another",
                    cardId, request.attempt());
            return cards.nextAttempt(cardId, request.attempt());
        }
        boolean recorded = switch (result) {
            case IssuanceResult.Issued issued -> {
                CardSecrets secrets = issued.secrets();
                yield cards.recordIssued(cardId, request.attempt(), new EncryptedCard(vault.encrypt(cardId, secrets.pan()),
                        vault.fingerprint(secrets.pan()), vault.encrypt(cardId, secrets.cvv()), secrets.last4(),
                        secrets.maskedPan(), secrets.expiry()), clock.instant());
            }
            case IssuanceResult.Refused refused -> cards.recordRefused(cardId, request.attempt(), refused.reasonCode(), refused.message());
        };
        if (recorded && !cardService.transition(cardId, CardState.PENDING,
                result instanceof IssuanceResult.Refused ? CardState.FAILED : CardState.ACTIVE)) {
            throw new IllegalStateException("Card " + cardId + " left pending while its answer was being recorded");
        }
        if (recorded) {
            AfterCommit.run((result instanceof IssuanceResult.Refused ? failed : activated)::increment);
            longPoll.changed(cardId);
            log.info("Card {} {}", cardId, result instanceof IssuanceResult.Refused refused ? "failed: " + refused.reasonCode()
                    : "issued and active");
        } else {
            log.info("Card {} attempt {} was answered already; this answer changes nothing", cardId, request.attempt());
        }
        return false;
    }

    private IssuanceRequest requestFor(UnansweredIssuance unanswered) {
        Card card = unanswered.card();
        return new IssuanceRequest(card.id(), unanswered.attempt(), products.get(card.productId()), card.nameOnCard(),
                card.shippingAddress(), LocalDate.ofInstant(unanswered.requestedAt(), ZoneOffset.UTC));
    }
}
