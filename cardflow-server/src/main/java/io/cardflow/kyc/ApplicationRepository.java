package io.cardflow.kyc;

import io.cardflow.common.ApiException;
import io.cardflow.common.HolderType;
import io.cardflow.common.Jdbc;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.crypto.AesGcm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submitted KYC/KYB JSON (names, dates of birth, document numbers) is stored sealed with {@link AesGcm}, bound to
 * the application id; nothing queries by it. Submissions written in clear by a version before V8 are sealed at
 * start, before the server serves or decides anything.
 */
@Repository
class ApplicationRepository implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRepository.class);
    private static final int SEALING_BATCH = 100;

    private final JdbcClient jdbc;
    private final AesGcm cipher;

    ApplicationRepository(JdbcClient jdbc, AesGcm cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Application application) {
        jdbc.sql("""
                        insert into kyc_applications (id, merchant_id, customer_id, product_id, holder_type, attempt, state,
                            submission, reasons, submitted_at)
                        values (:id, :merchantId, :customerId, :productId, :holderType, :attempt, :state,
                            :submission, '', :submittedAt)""")
                .param("id", application.id())
                .param("merchantId", application.merchantId())
                .param("customerId", application.customerId())
                .param("productId", application.productId())
                .param("holderType", application.holderType().name())
                .param("attempt", application.attempt())
                .param("state", application.state().name())
                .param("submission", cipher.seal(application.id(), application.submission()))
                .param("submittedAt", Jdbc.timestamp(application.submittedAt()))
                .update();
    }

    /** The newest attempt of this customer for this product, if any. */
    Optional<Application> latest(String merchantId, String customerId, String productId) {
        return jdbc.sql("""
                        select * from kyc_applications
                        where merchant_id = :merchantId and customer_id = :customerId and product_id = :productId
                        order by attempt desc
                        fetch first 1 rows only""")
                .param("merchantId", merchantId)
                .param("customerId", customerId)
                .param("productId", productId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The approved application of this customer for this product, locked until the caller's transaction ends: card
     * issuance holds it so that two concurrent requests cannot both pass the product's card cap.
     */
    Optional<String> lockApproved(String merchantId, String customerId, String productId) {
        return jdbc.sql("""
                        select id from kyc_applications
                        where merchant_id = :merchantId and customer_id = :customerId and product_id = :productId
                          and state = 'APPROVED'
                        for update""")
                .param("merchantId", merchantId)
                .param("customerId", customerId)
                .param("productId", productId)
                .query(String.class)
                .optional();
    }

    Optional<Application> find(String id) {
        return jdbc.sql("select * from kyc_applications where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Persists a transition only from the state it was decided from; 0 rows means another worker (or operator)
     * got there first, and nothing is changed twice.
     */
    boolean transition(String id, ApplicationState from, ApplicationState to, List<ReasonCode> reasons, String decidedBy,
                       String operatorNote, Instant decidedAt) {
        return jdbc.sql("""
                        update kyc_applications
                        set state = :to, reasons = :reasons, decided_by = :decidedBy, operator_note = :note, decided_at = :decidedAt
                        where id = :id and state = :from""")
                .param("to", to.name())
                .param("reasons", reasons.stream().map(ReasonCode::name).collect(Collectors.joining(",")))
                .param("decidedBy", decidedBy)
                .param("note", operatorNote)
                .param("decidedAt", to.isDecided() ? Jdbc.timestamp(decidedAt) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id)
                .param("from", from.name())
                .update() == 1;
    }

    /**
     * Keeps the watch-list evidence of the engine's screening with the application, and when it was screened. The
     * screened names are personal data: sealed like the submission, each bound to its application and row.
     */
    void recordEvidence(String id, List<WatchListMatch> matches, Instant screenedAt) {
        jdbc.sql("update kyc_applications set screened_at = :at where id = :id")
                .param("at", Jdbc.timestamp(screenedAt))
                .param("id", id)
                .update();
        for (int i = 0; i < matches.size(); i++) {
            WatchListHit hit = matches.get(i).hit();
            jdbc.sql("""
                            insert into kyc_watchlist_hits (application_id, hit_number, entry_reference, entry_name, entry_type,
                                score, exact_match, screened_name)
                            values (:id, :n, :reference, :name, :type, :score, :exact, :screened)""")
                    .param("id", id)
                    .param("n", i + 1)
                    .param("reference", hit.entry().reference())
                    .param("name", hit.entry().name())
                    .param("type", hit.entry().type().name())
                    .param("score", hit.score())
                    .param("exact", hit.exact())
                    .param("screened", cipher.seal(hitOwner(id, i + 1), matches.get(i).screenedName()))
                    .update();
        }
    }

    /** The evidence kept when the application was screened, in screening order; empty if it was not (or before V18). */
    Optional<List<WatchListMatch>> evidence(String id) {
        boolean screened = jdbc.sql("select screened_at from kyc_applications where id = :id and screened_at is not null")
                .param("id", id)
                .query((rs, n) -> true)
                .optional()
                .isPresent();
        if (!screened) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select * from kyc_watchlist_hits where application_id = :id order by hit_number")
                .param("id", id)
                .query((rs, n) -> new WatchListMatch(cipher.open(hitOwner(id, rs.getInt("hit_number")), rs.getString("screened_name")),
                        new WatchListHit(new WatchListEntry(rs.getString("entry_reference"), rs.getString("entry_name"),
                                EntryType.valueOf(rs.getString("entry_type"))), rs.getDouble("score"), rs.getBoolean("exact_match"))))
                .list());
    }

    private static String hitOwner(String applicationId, int hitNumber) {
        return applicationId + "/hit/" + hitNumber;
    }

    /** Applications still waiting for the verification provider since before {@code before}, oldest first. */
    List<String> submittedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select id from kyc_applications
                        where state = 'SUBMITTED' and submitted_at < :before
                        order by submitted_at
                        fetch first :rows rows only""")
                .param("before", Jdbc.timestamp(before))
                .param("rows", limit)
                .query(String.class)
                .list();
    }

    /** Oldest first: the operator's review queue. {@code limit + 1} rows tell whether more exist. */
    List<Application> inState(ApplicationState state, int limit, Long afterSeq) {
        return jdbc.sql("""
                        select * from kyc_applications
                        where state = :state and (:afterSeq is null or seq > :afterSeq)
                        order by seq
                        fetch first :rows rows only""")
                .param("state", state.name())
                .param("afterSeq", afterSeq, Types.BIGINT)
                .param("rows", limit + 1)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** All of one customer's applications, newest first: a customer has a few (products times attempts). */
    List<Application> ofCustomer(String merchantId, String customerId) {
        return jdbc.sql("""
                        select * from kyc_applications
                        where merchant_id = :merchantId and customer_id = :customerId
                        order by seq desc""")
                .param("merchantId", merchantId)
                .param("customerId", customerId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The merchant's applications in one of {@code states}, newest first, through the {@code (merchant_id, seq)} index. */
    Page<Application> pageOfMerchant(String merchantId, Collection<ApplicationState> states, PageRequest page) {
        Long before = page.startingAfter() == null ? null : jdbc.sql(
                        "select seq from kyc_applications where id = :id and merchant_id = :merchantId")
                .param("id", page.startingAfter())
                .param("merchantId", merchantId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such application"));
        return Page.fromOverfetched(jdbc.sql("""
                        select * from kyc_applications
                        where merchant_id = :merchantId and state in (:states)
                          and (:before is null or seq < :before)
                        order by seq desc
                        fetch first :rows rows only""")
                .param("merchantId", merchantId)
                .param("states", states.stream().map(ApplicationState::name).toList())
                .param("before", before, Types.BIGINT)
                .param("rows", page.limit() + 1)
                .query((rs, n) -> map(rs))
                .list(), page.limit());
    }

    /** Read through the {@code (state, seq)} index: cheap enough for every metrics scrape. */
    long countInState(ApplicationState state) {
        return jdbc.sql("select count(*) from kyc_applications where state = :state")
                .param("state", state.name())
                .query(Long.class)
                .single();
    }

    Optional<Long> seqOf(String id) {
        return jdbc.sql("select seq from kyc_applications where id = :id").param("id", id).query(Long.class).optional();
    }

    /** Seals the submissions still in clear (written before V8) before anything reads them. */
    @Override
    public void afterSingletonsInstantiated() {
        int sealed = 0;
        List<Clear> batch;
        do {
            batch = jdbc.sql("select id, submission from kyc_applications where submission not like 'v1:%' fetch first :rows rows only")
                    .param("rows", SEALING_BATCH)
                    .query((rs, n) -> new Clear(rs.getString("id"), rs.getString("submission")))
                    .list();
            for (Clear clear : batch) {
                // Guarded by "still in clear": another node starting at the same time may have sealed it already.
                sealed += jdbc.sql("update kyc_applications set submission = :sealed where id = :id and submission not like 'v1:%'")
                        .param("sealed", cipher.seal(clear.id(), clear.submission()))
                        .param("id", clear.id())
                        .update();
            }
        } while (!batch.isEmpty());
        if (sealed > 0) {
            log.info("Encrypted {} KYC/KYB submissions stored in clear by an earlier version", sealed);
        }
    }

    private record Clear(String id, String submission) {
    }

    private Application map(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        String id = rs.getString("id");
        return new Application(id, rs.getString("merchant_id"), rs.getString("customer_id"),
                rs.getString("product_id"), HolderType.valueOf(rs.getString("holder_type").toUpperCase(Locale.ROOT)),
                rs.getInt("attempt"), ApplicationState.valueOf(rs.getString("state")), cipher.open(id, rs.getString("submission")),
                reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(",")).map(ReasonCode::valueOf).toList(),
                rs.getString("decided_by"), rs.getString("operator_note"), Jdbc.instant(rs, "submitted_at"),
                Jdbc.instant(rs, "decided_at"));
    }
}
