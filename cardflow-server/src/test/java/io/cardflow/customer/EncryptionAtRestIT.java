package io.cardflow.customer;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers' personal data and KYC submissions are not in the database in clear, while the API answers them as
 * before and the watch list still matches the submitted names; rows an earlier version wrote in clear are sealed at
 * the next start.
 */
class EncryptionAtRestIT {

    private static final String PASSPORT = "X1234567";
    private static final String EMAIL = "person@example.com";

    private static TestServer server;
    private static Api api;
    private static TestMerchant merchant;

    @BeforeAll
    static void start() {
        server = TestServer.create(Map.of()).start();
        api = server.api();
        merchant = Fixtures.newMerchant(api, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void personalDataIsStoredSealedAndAnsweredInClear() throws SQLException {
        String customerId = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Philippa", "Quarrington"));
        assertThat(Fixtures.submit(api, merchant, customerId, INDIVIDUAL_USD, Fixtures.kyc("Philippa", "Quarrington")).status())
                .isEqualTo(202);
        String listedId = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Viktor", "Petrov"));
        Fixtures.submit(api, merchant, listedId, INDIVIDUAL_USD, Fixtures.kyc("Viktor", "Petrov"));

        Fixtures.awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved");
        Api.Response listed = Fixtures.awaitStatus(api, merchant, listedId, INDIVIDUAL_USD, "rejected");
        assertThat(listed.text()).as("the watch list read the sealed names").contains("watchlist_match");

        for (String id : List.of(customerId, listedId)) {
            assertThat(rawRow("select * from customers where id = ?", id))
                    .doesNotContainIgnoringCase("Quarrington").doesNotContainIgnoringCase("Philippa")
                    .doesNotContainIgnoringCase("Petrov").doesNotContain(EMAIL).doesNotContain("+14155550100")
                    .doesNotContain("1990-04-01").doesNotContain("1 Main Street").doesNotContain("12345")
                    .contains("v1:");
            assertThat(rawRow("select * from kyc_applications where customer_id = ?", id))
                    .doesNotContainIgnoringCase("Quarrington").doesNotContainIgnoringCase("Petrov")
                    .doesNotContain(PASSPORT).doesNotContain("1990-04-01").contains("v1:");
        }

        Api.Response customer = api.get("/api/v1/customers/" + customerId, merchant.key());
        assertThat(customer.field("firstName")).isEqualTo("Philippa");
        assertThat(customer.field("lastName")).isEqualTo("Quarrington");
        assertThat(customer.field("email")).isEqualTo(EMAIL);
        assertThat(customer.field("dateOfBirth")).isEqualTo("1990-04-01");
        assertThat(customer.json().get("address").get("line1").asString()).isEqualTo("1 Main Street");
        assertThat(customer.json().get("address").get("country").asString()).isEqualTo("US");
        assertThat(api.get("/api/v1/customers?limit=100", merchant.key()).text()).contains("Quarrington", "Petrov");
    }

    /** A customer and a submission as a version before V8 wrote them, in clear, are sealed at the next start. */
    @Test
    void rowsWrittenInClearAreSealedAtTheNextStart() throws SQLException {
        String customerId = "cus_legacy" + "0".repeat(14);
        String applicationId = "app_legacy" + "0".repeat(14);
        String submission = "{\"firstName\":\"Eulalia\",\"lastName\":\"Brankovic\",\"dateOfBirth\":\"1971-06-30\","
                + "\"nationality\":\"US\",\"address\":{\"line1\":\"9 Elm Road\",\"city\":\"Springfield\",\"postalCode\":\"54321\","
                + "\"country\":\"US\"},\"identityDocument\":{\"type\":\"passport\",\"number\":\"Z7654321\",\"issuingCountry\":\"US\","
                + "\"expiryDate\":\"" + LocalDate.now().plusYears(3) + "\"}}";
        try (Connection connection = server.database().connect()) {
            execute(connection, """
                    insert into customers (id, merchant_id, type, first_name, last_name, email, phone, date_of_birth,
                        address_line1, address_city, address_postal_code, address_country, created_at)
                    values (?, ?, 'individual', 'Eulalia', 'Brankovic', 'eulalia@example.com', '+14155550199', ?,
                        '9 Elm Road', 'Springfield', '54321', 'US', ?)""",
                    customerId, merchant.id(), java.sql.Date.valueOf("1971-06-30"), Timestamp.from(Instant.now()));
            execute(connection, """
                    insert into kyc_applications (id, merchant_id, customer_id, product_id, holder_type, attempt, state,
                        submission, reasons, decided_by, submitted_at, decided_at)
                    values (?, ?, ?, ?, 'INDIVIDUAL', 1, 'APPROVED', ?, '', 'engine', ?, ?)""",
                    applicationId, merchant.id(), customerId, INDIVIDUAL_USD, submission, Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
        }

        server.restartWith(Map.of());
        api = server.api();

        assertThat(rawRow("select * from customers where id = ?", customerId)).doesNotContain("Eulalia")
                .doesNotContain("Brankovic").doesNotContain("eulalia@example.com").doesNotContain("1971-06-30")
                .doesNotContain("9 Elm Road").contains("v1:");
        assertThat(rawRow("select * from kyc_applications where id = ?", applicationId)).doesNotContain("Brankovic")
                .doesNotContain("Z7654321").doesNotContain("1971-06-30").contains("v1:");
        Api.Response customer = api.get("/api/v1/customers/" + customerId, merchant.key());
        assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
        assertThat(customer.field("lastName")).isEqualTo("Brankovic");
        assertThat(customer.field("email")).isEqualTo("eulalia@example.com");
        assertThat(customer.field("dateOfBirth")).isEqualTo("1971-06-30");
        Api.Response review = api.get("/api/v1/admin/applications/" + applicationId, TestServer.ADMIN_KEY);
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        assertThat(review.text()).contains("Z7654321", "Brankovic");
    }

    /** Every column of the row, as text, as a database reader would see it. */
    private static String rawRow(String sql, String id) throws SQLException {
        try (Connection connection = server.database().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        values.add(rows.getString(column));
                    }
                }
            }
            assertThat(values).as("row %s", id).isNotEmpty();
            return String.join(" | ", values);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
