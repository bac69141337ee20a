package io.cardflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.Hashing;
import io.cardflow.config.DataDirectory;
import io.cardflow.config.StartupRefusal;
import io.cardflow.testing.TestProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyTest {

    @TempDir
    Path node1;
    @TempDir
    Path node2;
    private final VerifierDatabase database = new VerifierDatabase();

    @Test
    void aConfiguredKeyIsTheKeyAndNothingIsStored() {
        AdminKey key = start(node1, "configured-operator-key", false);

        assertThat(key.matches("configured-operator-key")).isTrue();
        assertThat(key.matches("configured-operator-keY")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(node1.resolve(AdminKey.FILE_NAME)).doesNotExist();
        assertThat(database.stored(KeyVerifiers.ADMIN_KEY)).isNull();
    }

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> start(node1, "short", false)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith("cardflow.admin-key must be at least 16 characters long");
    }

    @Test
    void theFirstNodeGeneratesTheKeyAndStoresOnlyItsHashAndTheSecondAcceptsIt() throws Exception {
        AdminKey first = start(node1, null, false);
        Path file = node1.resolve(AdminKey.FILE_NAME);
        String key = Files.readString(file).strip();

        assertThat(key).startsWith("cfadm_").hasSize(46);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(database.stored(KeyVerifiers.ADMIN_KEY)).isEqualTo(Hashing.sha256Hex(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.matches(key)).isTrue();

        AdminKey second = start(node2, null, false);
        assertThat(second.matches(key)).isTrue();
        assertThat(second.matches(key + "x")).isFalse();
        assertThat(node2.resolve(AdminKey.FILE_NAME)).doesNotExist();
        assertThat(start(node1, null, false).matches(key)).isTrue();
    }

    @Test
    void anExistingKeyFileWithoutAStoredHashBecomesTheDatabasesKey() throws Exception {
        Files.writeString(node1.resolve(AdminKey.FILE_NAME), "cfadm_from-an-earlier-version\n");

        assertThat(start(node1, null, false).matches("cfadm_from-an-earlier-version")).isTrue();
        assertThat(start(node2, null, false).matches("cfadm_from-an-earlier-version")).isTrue();
    }

    @Test
    void aKeyFileThatIsNotTheDatabasesKeyIsRefused() throws Exception {
        start(node1, null, false);
        Path stale = Files.writeString(node2.resolve(AdminKey.FILE_NAME), "cfadm_of-another-database\n");

        assertThatThrownBy(() -> start(node2, null, false)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith(stale + " holds an operator key that is not this database's: delete the file")
                .message().doesNotContain("cfadm_of-another-database");
    }

    @Test
    void anEmptyKeyFileIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(node1.resolve(AdminKey.FILE_NAME), "  \n");

        assertThatThrownBy(() -> start(node1, null, true)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith(file + " exists but is empty: restore it from a backup, or delete it");
    }

    @Test
    void onTheEmbeddedDatabaseADeletedKeyFileGivesANewKey() throws Exception {
        start(node1, null, true);
        Path file = node1.resolve(AdminKey.FILE_NAME);
        String old = Files.readString(file).strip();
        Files.delete(file);

        AdminKey renewed = start(node1, null, true);

        String key = Files.readString(file).strip();
        assertThat(key).isNotEqualTo(old);
        assertThat(renewed.matches(key)).isTrue();
        assertThat(renewed.matches(old)).isFalse();
    }

    @Test
    void aNodeThatLosesTheRaceToStoreItsKeyUsesTheWinnersAndRemovesItsFile() throws Exception {
        KeyVerifiers racing = database.verifiers(false);
        KeyVerifiers losing = new KeyVerifiers(null, null, null) {
            private boolean first = true;

            @Override
            java.util.Optional<String> find(String name) {
                // This node looked before the other stored its hash, and stores after it.
                if (first) {
                    first = false;
                    return java.util.Optional.empty();
                }
                return racing.find(name);
            }

            @Override
            String storeIfAbsent(String name, String verifier) {
                return racing.storeIfAbsent(name, verifier);
            }

            @Override
            boolean databaseIsEmbedded() {
                return false;
            }
        };
        racing.storeIfAbsent(KeyVerifiers.ADMIN_KEY, Hashing.sha256Hex("cfadm_the-winners-key".getBytes(StandardCharsets.UTF_8)));

        var properties = TestProperties.with(node2, null, null);
        AdminKey loser = new AdminKey(properties, new DataDirectory(properties), losing);

        assertThat(loser.matches("cfadm_the-winners-key")).isTrue();
        assertThat(node2.resolve(AdminKey.FILE_NAME)).doesNotExist();
    }

    private AdminKey start(Path dataDir, String configured, boolean embedded) {
        var properties = TestProperties.with(dataDir, configured, null);
        return new AdminKey(properties, new DataDirectory(properties), database.verifiers(embedded));
    }
}
