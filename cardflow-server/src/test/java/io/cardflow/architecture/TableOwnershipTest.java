package io.cardflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: only its package's SQL reads or writes them, and everyone else calls its service.
 * Above all, only {@code ledger} touches the money tables.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/cardflow");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("merchants", "merchant"),
            Map.entry("api_keys", "merchant"),
            Map.entry("ledger_accounts", "ledger"),
            Map.entry("ledger_transactions", "ledger"),
            Map.entry("ledger_postings", "ledger"),
            Map.entry("customers", "customer"),
            Map.entry("kyc_applications", "kyc"),
            Map.entry("kyc_watchlist_hits", "kyc"),
            Map.entry("cards", "card"),
            Map.entry("topups", "topup"),
            Map.entry("authorizations", "authorization"),
            Map.entry("spending_controls", "controls"),
            Map.entry("authorization_steps", "authorization"),
            Map.entry("idempotency_keys", "idempotency"),
            Map.entry("key_verifiers", "security"),
            Map.entry("scheduled_tasks", "jobs"),
            Map.entry("failing_jobs", "jobs"),
            Map.entry("events", "events"),
            Map.entry("event_positions", "events"),
            Map.entry("webhook_endpoints", "webhooks"),
            Map.entry("webhook_deliveries", "webhooks"),
            Map.entry("webhook_attempts", "webhooks"),
            Map.entry("users", "people"),
            Map.entry("password_tokens", "people"),
            Map.entry("audit_log", "audit"));

    @Test
    void everyTableIsReadAndWrittenOnlyByItsFeature() {
        List<String> violations = new ArrayList<>();
        for (Path source : javaSources()) {
            String feature = SOURCES.relativize(source.getParent()).toString().replace('\\', '/');
            Matcher reference = TABLE_REFERENCE.matcher(read(source));
            while (reference.find()) {
                String owner = OWNERS.get(reference.group(1).toLowerCase());
                if (owner != null && !owner.equals(feature)) {
                    violations.add(source + " uses table " + reference.group(1) + ", owned by " + owner);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesTheTablesItGuards() {
        String ledgerSql = read(SOURCES.resolve("ledger/LedgerRepository.java"));
        assertThat(TABLE_REFERENCE.matcher(ledgerSql).results().map(match -> match.group(1)))
                .contains("ledger_accounts", "ledger_transactions", "ledger_postings");
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
