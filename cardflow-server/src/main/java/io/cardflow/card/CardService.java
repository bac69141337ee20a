package io.cardflow.card;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.FieldError;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.config.CardflowProperties;
import io.cardflow.customer.Customer;
import io.cardflow.customer.CustomerService;
import io.cardflow.events.EventLog;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.jobs.Processing;
import io.cardflow.kyc.ApplicationService;
import io.cardflow.ledger.LedgerService;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import io.cardflow.product.ProductCatalog;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cards: issuance (phase 4) decided in the background by the card processor ({@link CardIssuance}, phase 5), and the
 * card's lifecycle.
 */
@Service
public class CardService {

    static final TaskDescriptor<String> ISSUANCE = TaskDescriptor.of("card-issuance", String.class);
    private static final Logger log = LoggerFactory.getLogger(CardService.class);

    private final CardRepository cards;
    private final CustomerService customers;
    private final ProductCatalog products;
    private final ApplicationService applications;
    private final LedgerService ledger;
    private final BackgroundJobs jobs;
    private final CardflowProperties properties;
    private final Clock clock;
    private final EventLog events;
    private final OpenAuthorizations openAuthorizations;

    /** Lazy: the authorizations' service needs this one. */
    CardService(CardRepository cards, CustomerService customers, ProductCatalog products, ApplicationService applications,
                LedgerService ledger, BackgroundJobs jobs,
                CardflowProperties properties, Clock clock, EventLog events, @Lazy OpenAuthorizations openAuthorizations) {
        this.cards = cards;
        this.customers = customers;
        this.products = products;
        this.applications = applications;
        this.ledger = ledger;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.openAuthorizations = openAuthorizations;
    }

    /**
     * Accepts a card request for a customer whose application for the product is approved, within the product's
     * card cap, and schedules its issuance in the same transaction.
     */
    @Transactional
    public Card issue(String merchantId, IssueCardRequest request) {
        Customer customer = customers.get(merchantId, request.customerId());
        Product product = products.get(request.productId());
        requireFormFields(product, request);
        String applicationId = applications.lockApproved(merchantId, customer.customerId(), product.id())
                .orElseThrow(() -> new ApiException(ErrorCode.KYC_NOT_APPROVED, "Customer '" + customer.customerId()
                        + "' has no approved KYC/KYB application for product '" + product.id() + "'"));
        if (cards.countHeld(customer.customerId(), product.id()) >= product.cardsPerCustomer()) {
            throw new ApiException(ErrorCode.CARD_LIMIT_REACHED, "Product '" + product.id() + "' allows "
                    + product.cardsPerCustomer() + " card(s) per customer, and this customer has them already");
        }
        String nameOnCard = request.nameOnCard() != null ? request.nameOnCard().strip().toUpperCase(Locale.ROOT)
                : embossableName(customer);
        Card card = new Card(Ids.newId("card"), merchantId, customer.customerId(), product.id(), CardState.PENDING,
                nameOnCard, request.shippingAddress(), null, null, null, null, null, null, clock.instant(), null, null);
        cards.insert(card, applicationId);
        events.recordCreated(List.of(new EventLog.Change(merchantId, CardState.PENDING.eventFrom(null), card.id(), describe(card))));
        jobs.scheduleAfter(ISSUANCE, card.id(), properties.sandboxDelay());
        return card;
    }

    public Card get(String merchantId, String cardId) {
        return cards.find(merchantId, cardId).orElseThrow(() -> ApiException.notFound("card", cardId));
    }

    /** The card locked until the caller's transaction ends; see {@link CardRepository#lock}. */
    private Card lock(String cardId) {
        return cards.lock(cardId).orElseThrow(() -> ApiException.notFound("card", cardId));
    }

    public Page<Card> listForCustomer(String merchantId, String customerId, PageRequest page) {
        customers.get(merchantId, customerId);
        return cards.page(customerId, page);
    }

    /** The ids of all the customer's cards, in any state; the caller has checked that the customer is the merchant's. */
    public List<String> idsOfCustomer(String customerId) {
        return cards.idsOfCustomer(customerId);
    }

    @Transactional
    public Card suspend(String merchantId, String cardId) {
        Card card = lockOwn(merchantId, cardId);
        if (!transition(card, CardState.SUSPENDED)) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Only an active card can be suspended; card '" + cardId
                    + "' is " + card.state().wire());
        }
        return get(merchantId, cardId);
    }

    @Transactional
    public Card reactivate(String merchantId, String cardId) {
        Card card = lockOwn(merchantId, cardId);
        if (card.state() != CardState.SUSPENDED || !transition(card, CardState.ACTIVE)) {
            throw new ApiException(ErrorCode.CARD_NOT_SUSPENDED, "Only a suspended card can be reactivated; card '"
                    + cardId + "' is " + card.state().wire());
        }
        return get(merchantId, cardId);
    }

    /**
     * Closes the card for good and returns its whole balance to the merchant's available balance, after reversing its
     * pending authorizations (a closed card pays no later capture of them).
     */
    @Transactional
    public Card close(String merchantId, String cardId) {
        Card card = lockOwn(merchantId, cardId);
        if (!card.state().canBecome(CardState.CLOSED)) {
            throw new ApiException(ErrorCode.CARD_ALREADY_FINAL, "Card '" + cardId + "' is " + card.state().wire()
                    + " and cannot be closed");
        }
        openAuthorizations.reverseAll(merchantId, cardId);
        long returned = ledger.returnCardBalance(cardId, merchantId, products.get(card.productId()).currency());
        if (!transition(card, CardState.CLOSED)) {
            throw new IllegalStateException("Card " + cardId + " changed while locked");
        }
        log.info("Card {} closed; {} returned to merchant {}", cardId, returned, merchantId);
        return get(merchantId, cardId);
    }

    private boolean transition(Card card, CardState to) {
        return transition(card.id(), card.state(), to);
    }

    /**
     * The one way a card changes state once created: allowed by {@link CardState}'s table, persisted only from the
     * state it was decided from, and recorded as an event in the same transaction. False, with nothing written, when
     * the table forbids it or the card is no longer in {@code from}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean transition(String cardId, CardState from, CardState to) {
        if (!from.canBecome(to) || !cards.transition(cardId, from, to, clock.instant())) {
            return false;
        }
        Card changed = lock(cardId);
        events.record(changed.merchantId(), to.eventFrom(from), cardId, describe(changed));
        return true;
    }

    /**
     * How the card's issuance is going, while it is failing (retrying or parked); null otherwise. Only a pending card
     * waits for it: one whose issuance the janitor settled while its job was parked has no work left to show.
     */
    public Processing issuanceProcessing(Card card) {
        return card.state() == CardState.PENDING ? jobs.processing(ISSUANCE, card.id()) : null;
    }

    public CardResponse describe(Card card) {
        Product product = products.get(card.productId());
        return CardResponse.of(card, product, ledger.cardBalance(card.id(), product.currency()));
    }

    /**
     * The merchant's cards among these ids by id, locked until the caller's transaction ends; an id of another
     * merchant's card, or of none, is absent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Card> lockOwn(String merchantId, Collection<String> cardIds) {
        return cards.lockAll(merchantId, cardIds).stream().collect(Collectors.toMap(Card::id, card -> card));
    }

    /** The merchant's card, locked until the caller's transaction ends; another merchant's card is a 404. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Card lockOwn(String merchantId, String cardId) {
        get(merchantId, cardId);
        return lock(cardId);
    }

    private static void requireFormFields(Product product, IssueCardRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (product.form() == CardForm.PHYSICAL) {
            if (request.nameOnCard() == null) {
                errors.add(new FieldError("nameOnCard", "is required for a physical card"));
            }
            if (request.shippingAddress() == null) {
                errors.add(new FieldError("shippingAddress", "is required for a physical card"));
            }
        } else if (request.shippingAddress() != null) {
            errors.add(new FieldError("shippingAddress", "is not used for a virtual card"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The customer's name as a card can carry it: Latin capitals without accents, at most 26 characters. */
    static String embossableName(Customer customer) {
        String name = customer.legalName() != null ? customer.legalName() : customer.firstName() + " " + customer.lastName();
        String latin = name.replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Œ", "OE").replace("œ", "oe")
                .replace("Ø", "O").replace("ø", "o").replace("Ł", "L").replace("ł", "l").replace("Đ", "D").replace("đ", "d");
        String folded = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z .'-]", "").replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
        folded = folded.length() > 26 ? folded.substring(0, 26).strip() : folded;
        return folded.length() >= 2 ? folded : "CARDHOLDER";
    }
}
