package io.cardflow.kyc;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.common.AfterCommit;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.HolderType;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.Validation;
import io.cardflow.config.CardflowProperties;
import io.cardflow.customer.Customer;
import io.cardflow.customer.CustomerService;
import io.cardflow.events.EventLog;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.jobs.Processing;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.product.Product;
import io.cardflow.product.ProductCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** KYC/KYB applications: submission (phase 2), status (phase 3), the background decision and manual review. */
@Service
public class ApplicationService {

    static final TaskDescriptor<String> DECISION = TaskDescriptor.of("kyc-decision", String.class);
    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    private static final int JANITOR_BATCH = 100;
    private static final String ENGINE = "engine";
    private static final String OPERATOR = "operator";

    private final ApplicationRepository applications;
    private final CustomerService customers;
    private final ProductCatalog products;
    private final VerificationProvider provider;
    private final VerificationEngine engine;
    private final BackgroundJobs jobs;
    private final Validation validation;
    private final JsonMapper jsonMapper;
    private final CardflowProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LongPoll longPoll;
    private final EventLog events;
    private final TransactionTemplate transactions;

    ApplicationService(ApplicationRepository applications, CustomerService customers, ProductCatalog products,
                       VerificationProvider provider, VerificationEngine engine, BackgroundJobs jobs, Validation validation, JsonMapper jsonMapper,
                       CardflowProperties properties, Clock clock, MeterRegistry meters, LongPoll longPoll,
                       EventLog events, TransactionTemplate transactions) {
        this.applications = applications;
        this.customers = customers;
        this.products = products;
        this.provider = provider;
        this.engine = engine;
        this.jobs = jobs;
        this.validation = validation;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.longPoll = longPoll;
        this.events = events;
        this.transactions = transactions;
        List.of(ApplicationState.APPROVED, ApplicationState.REJECTED, ApplicationState.MANUAL_REVIEW)
                .forEach(outcome -> decisions(outcome, ENGINE));
        List.of(ApplicationState.APPROVED, ApplicationState.REJECTED).forEach(outcome -> decisions(outcome, OPERATOR));
        Gauge.builder("cardflow.kyc.manual-review", () -> applications.countInState(ApplicationState.MANUAL_REVIEW))
                .description("Applications waiting for an operator's decision (the same on every node)").register(meters);
    }

    /**
     * Accepts a submission for the customer's next attempt at this product, and schedules its decision in the same
     * transaction. Allowed only for a first attempt or after a rejection, within the product's attempt cap.
     */
    @Transactional
    public Application submit(String merchantId, String customerId, String productId, JsonNode body) {
        Customer customer = customers.get(merchantId, customerId);
        Product product = products.get(productId);
        if (customer.type() != product.holderType()) {
            throw new ApiException(ErrorCode.HOLDER_TYPE_MISMATCH, "Product '" + productId + "' is for "
                    + wire(product.holderType()) + " customers; customer '" + customerId + "' is " + wire(customer.type()));
        }
        String submission = jsonMapper.writeValueAsString(parse(product.holderType(), body));
        int attempt = nextAttempt(merchantId, customerId, product);
        Application application = new Application(Ids.newId("app"), merchantId, customerId, productId,
                product.holderType(), attempt, ApplicationState.SUBMITTED, submission, List.of(), null, null,
                clock.instant(), null);
        try {
            applications.insert(application);
        } catch (DuplicateKeyException raced) {
            throw new ApiException(ErrorCode.APPLICATION_IN_PROGRESS,
                    "Another submission for this customer and product was accepted at the same time");
        }
        events.recordCreated(List.of(new EventLog.Change(merchantId, ApplicationState.SUBMITTED.event(), application.id(),
                ApplicationResponse.of(application, product.kycAttempts()))));
        jobs.scheduleAfter(DECISION, application.id(), properties.sandboxDelay());
        return application;
    }

    public Application status(String merchantId, String customerId, String productId) {
        customers.get(merchantId, customerId);
        products.get(productId);
        return applications.latest(merchantId, customerId, productId).orElseThrow(() -> new ApiException(
                ErrorCode.NOT_FOUND, "Customer '" + customerId + "' has not applied for product '" + productId + "'"));
    }

    /** The id of the customer's approved application for the product, locked for the rest of the transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<String> lockApproved(String merchantId, String customerId, String productId) {
        return applications.lockApproved(merchantId, customerId, productId);
    }

    public int attemptsAllowed(String productId) {
        return products.find(productId).map(Product::kycAttempts).orElse(0);
    }

    /**
     * The background decision, in the shape of docs/cards.md's issuance: the verification provider is asked with no
     * transaction or row lock held, with the application id as its idempotency key, and its verdict is recorded only
     * if the application is still submitted. A provider failure leaves it submitted (on the wire: under review) for the
     * job's retry or the janitor. Safe to run twice, and concurrently: only the first verdict recorded counts.
     */
    public void decide(String applicationId) {
        Application application = applications.find(applicationId).orElse(null);
        if (application == null || application.state() != ApplicationState.SUBMITTED) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The verification provider must not be called inside a database transaction");
        }
        // The day of the submission, not of the decision: asking again (after a timeout or a crash) asks the same question.
        LocalDate asOf = LocalDate.ofInstant(application.submittedAt(), ZoneOffset.UTC);
        Verdict verdict = switch (application.holderType()) {
            case INDIVIDUAL -> provider.verify(applicationId, jsonMapper.readValue(application.submission(), IndividualKyc.class), asOf);
            case BUSINESS -> provider.verify(applicationId, jsonMapper.readValue(application.submission(), BusinessKyb.class), asOf);
        };
        ApplicationState next = ApplicationState.of(verdict.outcome());
        // What the built-in engine's screening matched, recorded with the verdict: the evidence an operator reviews is
        // what the decision was made on, whatever the watch list says later.
        List<WatchListMatch> evidence = screen(application);
        if (Boolean.TRUE.equals(transactions.execute(tx -> transition(application, next, verdict.reasons(), ENGINE, null)
                && recordEvidence(applicationId, evidence)))) {
            log.info("Application {} decided: {} {}", applicationId, next, verdict.reasons());
            longPoll.changed(changeTopic(application.customerId(), application.productId()));
            AfterCommit.run(decisions(next, ENGINE)::increment);
        }
    }

    /**
     * The janitor (Kill Bill's pattern): applications still submitted after the setting's wait, with no job of their
     * own left to decide them (lost, or given up), are asked about again with the same key.
     */
    public void askAgainForUndecided() {
        Instant before = clock.instant().minus(properties.providers().unansweredAfter());
        for (String applicationId : applications.submittedBefore(before, JANITOR_BATCH)) {
            if (jobs.isScheduled(DECISION, applicationId)) {
                continue;
            }
            log.warn("Application {} has waited for its verification for longer than {} with no job left: asking again",
                    applicationId, properties.providers().unansweredAfter());
            try {
                decide(applicationId);
            } catch (RuntimeException e) {
                log.warn("Asking the verification provider again about application {} failed; the next sweep tries again",
                        applicationId, e);
            }
        }
    }

    /** An operator's decision, with the operator key, on an application the engine left for manual review. */
    @Transactional
    public Application review(String applicationId, ApplicationState decision, String note) {
        return review(applicationId, decision, note, OPERATOR);
    }

    /** A decision recorded with who took it: {@code "operator"} for the operator key, a user's id from the back office. */
    @Transactional
    public Application review(String applicationId, ApplicationState decision, String note, String decidedBy) {
        Application application = applications.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("application", applicationId));
        if (application.state() != ApplicationState.MANUAL_REVIEW || !decision.isDecided()
                || !transition(application, decision,
                decision == ApplicationState.REJECTED ? List.of(ReasonCode.MANUAL_REVIEW_REJECTED) : List.of(), decidedBy, note)) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_IN_REVIEW, "Application '" + applicationId
                    + "' is not waiting for manual review");
        }
        AfterCommit.run(decisions(decision, OPERATOR)::increment);
        longPoll.changed(changeTopic(application.customerId(), application.productId()));
        return applications.find(applicationId).orElseThrow();
    }

    /** What a request waiting for the status of the customer's latest application for the product waits on. */
    public static String changeTopic(String customerId, String productId) {
        return customerId + "/" + productId;
    }

    /**
     * The one way an application changes state: allowed by {@link ApplicationState}'s table, persisted only from the
     * state it was decided from, and recorded as an event in the same transaction. False, with nothing written, when
     * the table forbids it or another worker or operator changed the application first.
     */
    private boolean transition(Application application, ApplicationState to, List<ReasonCode> reasons, String decidedBy,
                               String note) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An application's transition must run inside a transaction, with its event");
        }
        if (!application.state().canBecome(to) || !applications.transition(application.id(), application.state(), to,
                reasons, decidedBy, note, clock.instant())) {
            return false;
        }
        Application changed = applications.find(application.id()).orElseThrow();
        events.record(changed.merchantId(), to.event(), changed.id(),
                ApplicationResponse.of(changed, attemptsAllowed(changed.productId())));
        return true;
    }

    public Application get(String applicationId) {
        return applications.find(applicationId).orElseThrow(() -> ApiException.notFound("application", applicationId));
    }

    /** How the application's automatic decision is going, while it is failing (retrying or parked); null otherwise. */
    public Processing decisionProcessing(Application application) {
        return application.state().isDecided() ? null : jobs.processing(DECISION, application.id());
    }

    /**
     * The watch-list entries the submission matched when the engine screened it, with their similarity scores and the
     * names screened, as kept then; empty when it was not screened yet, or was screened before V18 kept evidence.
     */
    public Optional<List<WatchListMatch>> watchListEvidence(String applicationId) {
        return applications.evidence(applicationId);
    }

    private List<WatchListMatch> screen(Application application) {
        return switch (application.holderType()) {
            case INDIVIDUAL -> engine.evidence(jsonMapper.readValue(application.submission(), IndividualKyc.class));
            case BUSINESS -> engine.evidence(jsonMapper.readValue(application.submission(), BusinessKyb.class));
        };
    }

    private boolean recordEvidence(String applicationId, List<WatchListMatch> evidence) {
        applications.recordEvidence(applicationId, evidence, clock.instant());
        return true;
    }

    /** The customer's applications for every product, newest first; another merchant's customer is not found. */
    public List<Application> listForCustomer(String merchantId, String customerId) {
        customers.get(merchantId, customerId);
        return applications.ofCustomer(merchantId, customerId);
    }

    /** The merchant's applications, newest first, of one status or (null) all. */
    public Page<Application> listForMerchant(String merchantId, ApplicationStatus status, PageRequest page) {
        List<ApplicationState> states = Arrays.stream(ApplicationState.values())
                .filter(state -> status == null || state.status() == status).toList();
        return applications.pageOfMerchant(merchantId, states, page);
    }

    /** How many applications wait for an operator's decision. */
    public long countInReview() {
        return applications.countInState(ApplicationState.MANUAL_REVIEW);
    }

    public Page<Application> reviewQueue(PageRequest page) {
        Long after = page.startingAfter() == null ? null : applications.seqOf(page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such application"));
        return Page.fromOverfetched(applications.inState(ApplicationState.MANUAL_REVIEW, page.limit(), after), page.limit());
    }

    private Object parse(HolderType holderType, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object");
        }
        return switch (holderType) {
            case INDIVIDUAL -> validation.valid(jsonMapper.treeToValue(body, IndividualKyc.class));
            case BUSINESS -> validation.valid(jsonMapper.treeToValue(body, BusinessKyb.class));
        };
    }

    private int nextAttempt(String merchantId, String customerId, Product product) {
        Application latest = applications.latest(merchantId, customerId, product.id()).orElse(null);
        if (latest == null) {
            return 1;
        }
        return switch (latest.state()) {
            case SUBMITTED, MANUAL_REVIEW -> throw new ApiException(ErrorCode.APPLICATION_IN_PROGRESS,
                    "Application '" + latest.id() + "' is under review; wait for its decision");
            case APPROVED -> throw new ApiException(ErrorCode.APPLICATION_ALREADY_APPROVED,
                    "Application '" + latest.id() + "' is already approved for this product");
            case REJECTED -> {
                if (latest.attempt() >= product.kycAttempts()) {
                    throw new ApiException(ErrorCode.KYC_ATTEMPTS_EXHAUSTED, "All " + product.kycAttempts()
                            + " verification attempts for product '" + product.id() + "' have been used");
                }
                yield latest.attempt() + 1;
            }
        };
    }

    private Counter decisions(ApplicationState outcome, String decidedBy) {
        return Counter.builder("cardflow.kyc.decisions")
                .description("KYC/KYB decisions: by the verification engine, or by an operator after manual review")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).tag("decided_by", decidedBy)
                .register(meters);
    }

    private static String wire(HolderType type) {
        return type == HolderType.INDIVIDUAL ? "individual" : "business";
    }
}
