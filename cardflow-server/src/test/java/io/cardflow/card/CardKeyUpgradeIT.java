package io.cardflow.card;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.config.StartupRefusal;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database whose cards were written before key check values were stored: the first start after the upgrade accepts
 * the key only if a stored card number decrypts with it, and then stores its check value.
 */
class CardKeyUpgradeIT {

    private static final String ANOTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aDatabaseWithCardsAndNoCheckValueAcceptsOnlyTheKeyItsCardsWereEncryptedWith() throws SQLException {
        try (TestServer server = TestServer.create(Map.of()).start()) {
            // On PostgreSQL the tests configure the key; on the embedded database it was generated into the data directory.
            String originalKey = server.database().isPostgres() ? TestServer.CARD_ENCRYPTION_KEY : "";
            TestMerchant merchant = Fixtures.newMerchant(server.api());
            String cardId = Fixtures.activeCard(server.api(), merchant, INDIVIDUAL_USD);
            server.stop();
            String checkValue;
            try (Connection db = server.database().connect()) {
                checkValue = checkValue(db);
                assertThat(checkValue).matches("[0-9a-f]{16}");
                db.createStatement().executeUpdate("delete from key_verifiers");
            }

            assertThatThrownBy(() -> server.restartWith(Map.of("cardflow.card-encryption-key", ANOTHER_KEY)))
                    .rootCause().isInstanceOf(StartupRefusal.class)
                    .hasMessage("cardflow.card-encryption-key does not decrypt the card numbers already stored in this "
                            + "database: give every node the key they were encrypted with");
            try (Connection db = server.database().connect()) {
                assertThat(checkValue(db)).as("a refused key leaves no check value behind").isNull();
            }

            server.restartWith(Map.of("cardflow.card-encryption-key", originalKey));
            try (Connection db = server.database().connect()) {
                assertThat(checkValue(db)).isEqualTo(checkValue);
            }
            assertThat(server.api().get("/api/v1/card/" + cardId, merchant.key()).status()).isEqualTo(200);
        }
    }

    private static String checkValue(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("select verifier from key_verifiers where name = 'card-encryption-key'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
