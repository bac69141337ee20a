package io.cardflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cardflow.config.DataDirectory;
import io.cardflow.config.StartupRefusal;
import io.cardflow.testing.TestProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class EncryptionKeyTest {

    private static final String KEY_1 = base64(1);
    private static final String KEY_2 = base64(2);
    private static final EncryptedData NOTHING_STORED = key -> Optional.empty();

    @TempDir
    Path dataDir;
    private final VerifierDatabase database = new VerifierDatabase();

    @Test
    void checkValueIsStableShortHexAndDiffersPerKey() {
        String check = EncryptionKey.checkValue(bytes(1));

        assertThat(check).matches("[0-9a-f]{16}").isEqualTo(EncryptionKey.checkValue(bytes(1)))
                .isNotEqualTo(EncryptionKey.checkValue(bytes(2)));
        // HMAC-SHA256(key, "cardflow key check v1"), first 8 bytes: pinned, since every stored database depends on it
        // (printf 'cardflow key check v1' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<64 zeros>).
        assertThat(EncryptionKey.checkValue(new byte[32])).isEqualTo("8a95aec7c191fabf");
    }

    @Test
    void aConfiguredKeyIsUsedAndItsCheckValueStoredOnFirstStart() {
        EncryptionKey key = start(KEY_1, false, NOTHING_STORED);

        assertThat(key.bytes()).isEqualTo(bytes(1));
        assertThat(database.stored(KeyVerifiers.CARD_ENCRYPTION_KEY)).isEqualTo(EncryptionKey.checkValue(bytes(1)));
        assertThat(dataDir.resolve(EncryptionKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void theSameKeyOnAnotherNodeStarts() {
        start(KEY_1, false, NOTHING_STORED);

        assertThat(start(KEY_1, false, NOTHING_STORED).bytes()).isEqualTo(bytes(1));
    }

    @Test
    void anotherKeyIsRefusedWithBothCheckValues() {
        start(KEY_1, false, NOTHING_STORED);

        assertThatThrownBy(() -> start(KEY_2, false, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessage("cardflow.card-encryption-key differs from the key this database's card numbers were encrypted with "
                        + "(check value " + EncryptionKey.checkValue(bytes(1)) + " expected, " + EncryptionKey.checkValue(bytes(2))
                        + " computed): give every node the same key")
                .message().doesNotContain(KEY_1).doesNotContain(KEY_2);
    }

    @Test
    void aSharedDatabaseWithoutAConfiguredKeyIsRefusedAndNothingIsGenerated() {
        assertThatThrownBy(() -> start(null, false, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith("cardflow.card-encryption-key (CARDFLOW_CARD_ENCRYPTION_KEY) is not set")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(dataDir.resolve(EncryptionKey.FILE_NAME)).doesNotExist();
        assertThat(database.stored(KeyVerifiers.CARD_ENCRYPTION_KEY)).isNull();
    }

    @Test
    void aSharedDatabaseWithoutAConfiguredKeyPointsToTheKeyThisNodeGeneratedBefore() throws Exception {
        Files.writeString(dataDir.resolve(EncryptionKey.FILE_NAME), KEY_1);

        assertThatThrownBy(() -> start(null, false, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining(dataDir.resolve(EncryptionKey.FILE_NAME).toString()).message().doesNotContain(KEY_1);
    }

    @Test
    void theEmbeddedDatabaseGeneratesAnOwnerOnlyKeyFileAndReusesIt() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(EncryptionKey.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            byte[] generated = start(null, true, NOTHING_STORED).bytes();

            Path file = dataDir.resolve(EncryptionKey.FILE_NAME);
            String key = Files.readString(file).strip();
            assertThat(Base64.getDecoder().decode(key)).isEqualTo(generated).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(start(null, true, NOTHING_STORED).bytes()).isEqualTo(generated);
            assertThat(Files.readString(file).strip()).isEqualTo(key);
            assertThat(database.stored(KeyVerifiers.CARD_ENCRYPTION_KEY)).isEqualTo(EncryptionKey.checkValue(generated));
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains(file.toString()))
                    .allSatisfy(line -> assertThat(line).doesNotContain(key));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void aLostKeyFileIsRefusedInsteadOfReplacedByANewKey() throws Exception {
        start(null, true, NOTHING_STORED);
        Files.delete(dataDir.resolve(EncryptionKey.FILE_NAME));

        assertThatThrownBy(() -> start(null, true, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining(EncryptionKey.FILE_NAME + " is missing")
                .hasMessageContaining("restore the file from a backup");
        assertThat(dataDir.resolve(EncryptionKey.FILE_NAME)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n"})
    void anEmptyKeyFileIsRefusedNamingTheFile(String content) throws Exception {
        Path file = Files.writeString(dataDir.resolve(EncryptionKey.FILE_NAME), content);

        assertThatThrownBy(() -> start(null, true, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith(file + " exists but is empty: restore it from a backup");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not base64 at all!"})
    void aMalformedConfiguredKeyIsRefused(String configured) {
        assertThatThrownBy(() -> start(configured, false, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith("cardflow.card-encryption-key must be the base64 of 32 random bytes")
                .hasMessageEndingWith("make one with `openssl rand -base64 32`")
                .message().doesNotContain(configured);
    }

    @Test
    void aMalformedKeyFileIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(dataDir.resolve(EncryptionKey.FILE_NAME), "c2hvcnQ=\n");

        assertThatThrownBy(() -> start(null, true, NOTHING_STORED)).isInstanceOf(StartupRefusal.class)
                .hasMessageStartingWith("The card encryption key in " + file + " must be the base64 of 32 random bytes; it decodes to 5 bytes");
    }

    @Test
    void aDatabaseFromBeforeCheckValuesAcceptsTheKeyItsCardsDecryptWith() {
        EncryptionKey key = start(KEY_1, false, candidate -> Optional.of(java.util.Arrays.equals(candidate, bytes(1))));

        assertThat(key.bytes()).isEqualTo(bytes(1));
        assertThat(database.stored(KeyVerifiers.CARD_ENCRYPTION_KEY)).isEqualTo(EncryptionKey.checkValue(bytes(1)));
    }

    @Test
    void aDatabaseFromBeforeCheckValuesRefusesAKeyItsCardsDoNotDecryptWith() {
        assertThatThrownBy(() -> start(KEY_2, false, candidate -> Optional.of(java.util.Arrays.equals(candidate, bytes(1)))))
                .isInstanceOf(StartupRefusal.class)
                .hasMessage("cardflow.card-encryption-key does not decrypt the card numbers already stored in this database: "
                        + "give every node the key they were encrypted with");
        assertThat(database.stored(KeyVerifiers.CARD_ENCRYPTION_KEY)).isNull();
    }

    @Test
    void whenTwoNodesStoreAtOnceTheFirstCheckValueWins() {
        KeyVerifiers verifiers = database.verifiers(false);

        assertThat(verifiers.storeIfAbsent(KeyVerifiers.CARD_ENCRYPTION_KEY, "aaaa")).isEqualTo("aaaa");
        assertThat(verifiers.storeIfAbsent(KeyVerifiers.CARD_ENCRYPTION_KEY, "bbbb")).isEqualTo("aaaa");
    }

    private EncryptionKey start(String configured, boolean embedded, EncryptedData stored) {
        var properties = TestProperties.with(dataDir, null, configured);
        return new EncryptionKey(properties, new DataDirectory(properties), database.verifiers(embedded), List.of(stored));
    }

    private static String base64(int seed) {
        return Base64.getEncoder().encodeToString(bytes(seed));
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
