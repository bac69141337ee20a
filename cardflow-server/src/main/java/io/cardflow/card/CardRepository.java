package io.cardflow.card;

import io.cardflow.common.Address;
import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CardRepository {

    private static final String COLUMNS = """
            id, merchant_id, customer_id, product_id, state, name_on_card, shipping_address, last4, masked_pan,
            expiry_month, expiry_year, failure_code, failure_message, created_at, activated_at, closed_at""";

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final JsonMapper jsonMapper;

    CardRepository(JdbcClient jdbc, JsonMapper jsonMapper, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.jsonMapper = jsonMapper;
    }

    void insert(Card card, String applicationId) {
        jdbc.sql("""
                        insert into cards (id, merchant_id, customer_id, product_id, application_id, state, name_on_card,
                            shipping_address, created_at, issuance_step, issuance_attempt, issuance_requested_at)
                        values (:id, :merchantId, :customerId, :productId, :applicationId, :state, :nameOnCard,
                            :shippingAddress, :createdAt, 'REQUESTED', 1, :createdAt)""")
                .param("id", card.id())
                .param("merchantId", card.merchantId())
                .param("customerId", card.customerId())
                .param("productId", card.productId())
                .param("applicationId", applicationId)
                .param("state", card.state().name())
                .param("nameOnCard", card.nameOnCard())
                .param("shippingAddress", card.shippingAddress() == null ? null : jsonMapper.writeValueAsString(card.shippingAddress()))
                .param("createdAt", Jdbc.timestamp(card.createdAt()))
                .update();
    }

    /** Only the merchant's own cards exist for it. */
    Optional<Card> find(String merchantId, String cardId) {
        return jdbc.sql("select " + COLUMNS + " from cards where id = :id and merchant_id = :merchantId")
                .param("id", cardId)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The card, locked until the caller's transaction ends: everything that depends on its state or balance
     * (settling a top-up, an authorization, closing it) queues behind this lock.
     */
    Optional<Card> lock(String cardId) {
        return jdbc.sql("select " + COLUMNS + " from cards where id = :id for update")
                .param("id", cardId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The merchant's cards among these ids, locked in id order: batches locking several cards never deadlock. */
    List<Card> lockAll(String merchantId, Collection<String> cardIds) {
        return jdbc.sql("select " + COLUMNS + " from cards where merchant_id = :merchantId and id in (:ids) order by id for update")
                .param("merchantId", merchantId)
                .param("ids", cardIds)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Every card of the customer, in any state: a customer's spending limits count the spend of all of them. */
    List<String> idsOfCustomer(String customerId) {
        return jdbc.sql("select id from cards where customer_id = :customerId")
                .param("customerId", customerId)
                .query(String.class)
                .list();
    }

    int countHeld(String customerId, String productId) {
        return jdbc.sql("""
                        select count(*) from cards
                        where customer_id = :customerId and product_id = :productId and state not in ('FAILED', 'CLOSED')""")
                .param("customerId", customerId)
                .param("productId", productId)
                .query(Integer.class)
                .single();
    }

    /** The card's issuance as it was written down before the processor was asked, while its answer is not recorded. */
    Optional<UnansweredIssuance> unansweredIssuance(String cardId) {
        return jdbc.sql("select " + COLUMNS + """
                        , issuance_attempt, issuance_requested_at from cards
                        where id = :id and state = 'PENDING' and issuance_step = 'REQUESTED'""")
                .param("id", cardId)
                .query((rs, n) -> new UnansweredIssuance(map(rs), rs.getInt("issuance_attempt"),
                        Jdbc.instant(rs, "issuance_requested_at")))
                .optional();
    }

    /** Cards whose processor answer is unrecorded since before {@code before}, oldest first: the janitor's work. */
    List<String> unansweredSince(Instant before, int limit) {
        return jdbc.sql("""
                        select id from cards
                        where issuance_step = 'REQUESTED' and state = 'PENDING' and issuance_requested_at < :before
                        order by issuance_requested_at
                        fetch first :rows rows only""")
                .param("before", Jdbc.timestamp(before))
                .param("rows", limit)
                .query(String.class)
                .list();
    }

    /**
     * Records the processor's card, only for the question that was asked (still pending, still requested, the same
     * attempt): a second worker that got the same answer changes nothing. The state is the caller's to change next, in
     * the same transaction, through {@link CardService}'s one transition point.
     */
    boolean recordIssued(String cardId, int attempt, EncryptedCard encrypted, Instant at) {
        return jdbc.sql("""
                        update cards set issuance_step = 'ANSWERED', pan_encrypted = :pan,
                            pan_fingerprint = :fingerprint, cvv_encrypted = :cvv, last4 = :last4,
                            masked_pan = :masked, expiry_month = :month, expiry_year = :year, activated_at = :at
                        where id = :id and state = 'PENDING' and issuance_step = 'REQUESTED' and issuance_attempt = :attempt""")
                .param("pan", encrypted.pan())
                .param("fingerprint", encrypted.panFingerprint())
                .param("cvv", encrypted.cvv())
                .param("last4", encrypted.last4())
                .param("masked", encrypted.maskedPan())
                .param("month", encrypted.expiry().getMonthValue())
                .param("year", encrypted.expiry().getYear())
                .param("at", Jdbc.timestamp(at))
                .param("id", cardId)
                .param("attempt", attempt)
                .update() == 1;
    }

    boolean panInUse(String fingerprint) {
        return jdbc.sql("select count(*) from cards where pan_fingerprint = :fingerprint")
                .param("fingerprint", fingerprint)
                .query(Long.class)
                .single() > 0;
    }

    /** Records the processor's refusal, under the same condition as {@link #recordIssued}. */
    boolean recordRefused(String cardId, int attempt, IssuanceFailure code, String message) {
        return jdbc.sql("""
                        update cards set issuance_step = 'ANSWERED', failure_code = :code, failure_message = :message
                        where id = :id and state = 'PENDING' and issuance_step = 'REQUESTED' and issuance_attempt = :attempt""")
                .param("code", code.code())
                .param("message", message)
                .param("id", cardId)
                .param("attempt", attempt)
                .update() == 1;
    }

    /** The next question to ask, written down before it is asked: the processor answered a number already in use. */
    boolean nextAttempt(String cardId, int attempt) {
        return jdbc.sql("""
                        update cards set issuance_attempt = :attempt + 1
                        where id = :id and state = 'PENDING' and issuance_step = 'REQUESTED' and issuance_attempt = :attempt""")
                .param("id", cardId)
                .param("attempt", attempt)
                .update() == 1;
    }

    /** The card's only change of state: persisted only from the state it was decided from ({@link CardService#transition}). */
    boolean transition(String cardId, CardState from, CardState to, Instant at) {
        return jdbc.sql("""
                        update cards set state = :to, closed_at = case when :to = 'CLOSED' then :at else closed_at end
                        where id = :id and state = :from""")
                .param("to", to.name())
                .param("at", Jdbc.timestamp(at))
                .param("id", cardId)
                .param("from", from.name())
                .update() == 1;
    }

    /** Newest first; the caller has checked that the customer belongs to the merchant asking. */
    Page<Card> page(String customerId, PageRequest page) {
        return pages.newestFirst("cards", "customer_id", customerId, page, "card", (rs, n) -> map(rs));
    }

    private Card map(ResultSet rs) throws SQLException {
        String shipping = rs.getString("shipping_address");
        return new Card(rs.getString("id"), rs.getString("merchant_id"), rs.getString("customer_id"),
                rs.getString("product_id"), CardState.valueOf(rs.getString("state")), rs.getString("name_on_card"),
                shipping == null ? null : jsonMapper.readValue(shipping, Address.class), rs.getString("last4"),
                rs.getString("masked_pan"), (Integer) rs.getObject("expiry_month"), (Integer) rs.getObject("expiry_year"),
                rs.getString("failure_code") == null ? null : IssuanceFailure.of(rs.getString("failure_code")),
                rs.getString("failure_message"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "activated_at"), Jdbc.instant(rs, "closed_at"));
    }

    record StoredPan(String cardId, String panEncrypted) {
    }

    /** One stored card number, whichever comes first: enough to tell whether a key is the one they were written with. */
    Optional<StoredPan> anyStoredPan() {
        return jdbc.sql("select id, pan_encrypted from cards where pan_encrypted is not null limit 1")
                .query((rs, n) -> new StoredPan(rs.getString("id"), rs.getString("pan_encrypted")))
                .optional();
    }
}
