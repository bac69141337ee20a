package io.cardflow.card;

import static io.cardflow.testing.Fixtures.BUSINESS_USD;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_EUR;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.address;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.cardAction;
import static io.cardflow.testing.Fixtures.issueCard;
import static io.cardflow.testing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cardflow.product.ProductCatalog;
import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Card numbers and CVVs: valid, stored only encrypted, and never shown in an answer, a database column or a log line. */
class CardSecrecyIT {

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();
    private final List<Api.Response> responses = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger cardflow = (Logger) LoggerFactory.getLogger("io.cardflow");
    private Level cardflowLevel;

    @BeforeEach
    void captureLogsAtTrace() {
        cardflowLevel = cardflow.getLevel();
        cardflow.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(logs);
        logs.stop();
        cardflow.setLevel(cardflowLevel);
    }

    @Test
    void cardNumbersAreValidAndNeverAppearInClear() throws SQLException {
        TestMerchant merchant = Fixtures.newMerchant(api);
        String eurCustomer = approvedCustomer(api, merchant, INDIVIDUAL_EUR);
        List<Map<String, Object>> requests = List.of(
                Map.of("customerId", approvedCustomer(api, merchant, INDIVIDUAL_USD), "productId", INDIVIDUAL_USD),
                Map.of("customerId", eurCustomer, "productId", INDIVIDUAL_EUR, "nameOnCard", "Nora Funded",
                        "shippingAddress", address("DE")),
                Map.of("customerId", approvedCustomer(api, merchant, BUSINESS_USD), "productId", BUSINESS_USD));

        List<Secrets> secrets = new ArrayList<>();
        List<String> cardIds = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            Api.Response card = kept(issueCard(api, merchant, request));
            assertThat(card.field("state")).as(card.toString()).isEqualTo("active");
            String cardId = card.field("cardId");
            cardIds.add(cardId);
            Secrets stored = decryptStored(cardId);
            secrets.add(stored);

            String productId = (String) request.get("productId");
            assertThat(stored.pan()).matches("[0-9]{16}").startsWith(server.bean(ProductCatalog.class).get(productId).bin());
            assertThat(luhnValid(stored.pan())).as("Luhn check of a " + productId + " card").isTrue();
            assertThat(stored.cvv()).matches("[0-9]{3}");
            assertThat(card.field("last4")).isEqualTo(stored.pan().substring(12));
            assertThat(card.field("maskedPan")).isEqualTo(stored.pan().substring(0, 6) + "******" + stored.pan().substring(12));

            String currency = productId.equals(INDIVIDUAL_EUR) ? "EUR" : "USD";
            awaitSettled(api, merchant, kept(topUp(api, merchant, cardId, 5_000, currency)).field("topupId"));
            kept(api.get("/api/v1/card/" + cardId, merchant.key()));
            kept(api.get("/api/v1/cards/" + cardId, merchant.key()));
            kept(api.get("/api/v1/cards/" + cardId + "/topups", merchant.key()));
        }
        kept(api.get("/api/v1/customers/" + eurCustomer + "/cards", merchant.key()));
        assertThat(kept(cardAction(api, merchant, cardIds.getFirst(), "close")).field("state")).isEqualTo("closed");

        List<String> logLines = logs.list.stream().map(CardSecrecyIT::text).toList();
        assertThat(logLines).as("the card issuances were logged at all").anyMatch(line -> line.contains("issued and active"));
        List<String> databaseText = databaseText();
        for (Secrets card : secrets) {
            card.assertAbsentFrom("response bodies", responses.stream().map(Api.Response::text).toList());
            card.assertAbsentFrom("database columns", databaseText);
            card.assertAbsentFrom("log lines", logLines);
        }
    }

    private Api.Response kept(Api.Response response) {
        responses.add(response);
        return response;
    }

    private Secrets decryptStored(String cardId) throws SQLException {
        try (Connection db = server.database().connect();
             var statement = db.prepareStatement("select pan_encrypted, cvv_encrypted from cards where id = ?")) {
            statement.setString(1, cardId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                PanVault vault = server.bean(PanVault.class);
                return new Secrets(vault.decrypt(cardId, rs.getString(1)), vault.decrypt(cardId, rs.getString(2)));
            }
        }
    }

    /**
     * The text of every column of every row of every table of the application's schema, as {@code table.column=value}
     * for character columns and {@code table.column:value} for the others (numbers, timestamps), whose values may be
     * any three digits.
     */
    private List<String> databaseText() throws SQLException {
        List<String> text = new ArrayList<>();
        try (Connection db = server.database().connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select table_name from information_schema.tables
                    where lower(table_schema) = 'public' and table_type = 'BASE TABLE'""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("the schema was found").contains("cards", "topups", "ledger_postings", "scheduled_tasks");
            for (String table : tables) {
                try (ResultSet rs = db.createStatement().executeQuery("select * from \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                text.add(table + "." + rs.getMetaData().getColumnName(i)
                                        + (isCharacter(rs.getMetaData().getColumnType(i)) ? "=" : ":") + value);
                            }
                        }
                    }
                }
            }
        }
        return text;
    }

    private static boolean isCharacter(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.NCLOB, Types.OTHER -> true;
            default -> false;
        };
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    /**
     * A card's secrets. The PAN must appear nowhere; a three-digit CVV occurs by chance inside ids and timestamps, so
     * it must appear nowhere on its own: not as a whole value, nor as a number labelled as a CVV.
     */
    private record Secrets(String pan, String cvv) {

        void assertAbsentFrom(String where, List<String> texts) {
            Pattern labelledCvv = Pattern.compile("(?i)(cvv|cvc|security.?code)\\W{0,5}" + cvv + "(?![0-9])");
            Pattern wholeCvv = Pattern.compile("(^|=)\\s*\"?" + cvv + "\"?\\s*$");
            assertThat(texts).as("PAN ending " + pan.substring(12) + " in " + where)
                    .noneMatch(text -> text.contains(pan))
                    .noneMatch(text -> labelledCvv.matcher(text).find())
                    .noneMatch(text -> wholeCvv.matcher(text).find());
        }
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
