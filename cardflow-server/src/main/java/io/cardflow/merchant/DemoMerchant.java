package io.cardflow.merchant;

import io.cardflow.common.Money;
import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a first start with the embedded database, creates a merchant with funded USD and EUR balances and an API key,
 * written to {@code <data-dir>/demo-merchant-api-key.txt}, so that a new user can make a first call at once.
 */
@Component
public class DemoMerchant {

    private static final Logger log = LoggerFactory.getLogger(DemoMerchant.class);
    public static final String KEY_FILE = "demo-merchant-api-key.txt";
    static final long OPENING_BALANCE = 100_000_000L;

    private final CardflowProperties properties;
    private final MerchantService merchants;
    private final ApiKeyService apiKeys;
    private final DataDirectory dataDirectory;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    DemoMerchant(CardflowProperties properties, MerchantService merchants, ApiKeyService apiKeys,
                 DataDirectory dataDirectory, DataSource dataSource, TransactionTemplate transaction) {
        this.properties = properties;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.dataDirectory = dataDirectory;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** Before the ready report, which says where the key is. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void createOnFirstStart() throws SQLException, java.io.IOException {
        boolean wanted = switch (properties.demoMerchant()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> isEmbeddedDatabase();
        };
        if (!wanted || merchants.anyExist()) {
            return;
        }
        // A key file without merchants is left from an older database: it would hold a key that no longer works.
        Files.deleteIfExists(dataDirectory.root().resolve(KEY_FILE));
        var keyFile = transaction.execute(status -> {
            Merchant merchant = merchants.create("Demo Merchant");
            merchants.deposit(merchant.id(), Money.of(OPENING_BALANCE, "USD"));
            merchants.deposit(merchant.id(), Money.of(OPENING_BALANCE, "EUR"));
            IssuedApiKey key = apiKeys.issue(merchant.id());
            return dataDirectory.secret(KEY_FILE, "delete it: it is rewritten when the demo merchant is created", key::key);
        });
        log.info("Created the demo merchant with 1,000,000.00 USD and EUR; its API key is in {}", keyFile.file());
    }

    private boolean isEmbeddedDatabase() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }
}
