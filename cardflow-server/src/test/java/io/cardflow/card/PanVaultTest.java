package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class PanVaultTest {

    private static final String PAN = "4242421234564242";
    private static final String CARD = "card_A1b2C3d4E5f6G7h8I9j0K1l2";
    private static final String OTHER_CARD = "card_Z9y8X7w6V5u4T3s2R1q0P9o8";

    private final PanVault vault = new PanVault(key(1));

    @Test
    void fingerprintIsStablePerNumberAndKeyAndRevealsNothing() {
        String fingerprint = vault.fingerprint("4242424242424242");
        assertThat(vault.fingerprint("4242424242424242")).isEqualTo(fingerprint);
        assertThat(vault.fingerprint("4242424242424243")).isNotEqualTo(fingerprint);
        assertThat(new PanVault(key(2)).fingerprint("4242424242424242")).isNotEqualTo(fingerprint);
        assertThat(fingerprint).hasSize(64).doesNotContain("4242");
    }

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(vault.decrypt(CARD, vault.encrypt(CARD, PAN))).isEqualTo(PAN);
        assertThat(vault.decrypt(CARD, vault.encrypt(CARD, "987"))).isEqualTo("987");
    }

    @Test
    void storedValueIsVersionedBase64OfIvCiphertextAndTag() {
        String stored = vault.encrypt(CARD, PAN);

        assertThat(stored).startsWith("v1:");
        assertThat(Base64.getDecoder().decode(stored.substring(3))).hasSize(12 + PAN.length() + 16);
    }

    @Test
    void encryptingTheSamePanTwiceGivesDifferentValues() {
        assertThat(vault.encrypt(CARD, PAN)).isNotEqualTo(vault.encrypt(CARD, PAN));
    }

    @Test
    void storedValueNeverContainsThePanDigits() {
        for (int i = 0; i < 200; i++) {
            String stored = vault.encrypt(CARD, PAN);
            assertThat(stored).doesNotContain(PAN).doesNotContain(PAN.substring(0, 6));
        }
    }

    @Test
    void valueCopiedToAnotherCardDoesNotDecrypt() {
        String stored = vault.encrypt(CARD, PAN);

        assertThatIllegalArgumentException().isThrownBy(() -> vault.decrypt(OTHER_CARD, stored))
                .withMessageContaining("does not decrypt");
    }

    @Test
    void tamperedValueDoesNotDecrypt() {
        byte[] bytes = Base64.getDecoder().decode(vault.encrypt(CARD, PAN).substring(3));
        bytes[20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatIllegalArgumentException().isThrownBy(() -> vault.decrypt(CARD, tampered))
                .withMessageContaining("does not decrypt");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = vault.encrypt(CARD, PAN);

        assertThatIllegalArgumentException().isThrownBy(() -> new PanVault(key(2)).decrypt(CARD, stored))
                .withMessageContaining("does not decrypt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4242421234564242", "v2:AAAA", "v1:not*base64", "v1:AAAAAAAAAAAAAAAAAAAA"})
    void refusesWhatIsNotAStoredValue(String stored) {
        assertThatIllegalArgumentException().isThrownBy(() -> vault.decrypt(CARD, stored));
    }

    @Test
    void requiresACardId() {
        assertThatIllegalArgumentException().isThrownBy(() -> vault.encrypt(" ", PAN));
    }

    @Test
    void usesAConfiguredKey(@TempDir Path dataDir) {
        String configured = Base64.getEncoder().encodeToString(key(3));

        PanVault fromSetting = vault(dataDir, configured);

        assertThat(new PanVault(key(3)).decrypt(CARD, fromSetting.encrypt(CARD, PAN))).isEqualTo(PAN);
        assertThat(dataDir.resolve(PanVault.FILE_NAME)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not base64 at all!"})
    void refusesAConfiguredKeyThatIsNotBase64Of32Bytes(String configured, @TempDir Path dataDir) {
        assertThatIllegalArgumentException().isThrownBy(() -> vault(dataDir, configured))
                .withMessageContaining("cardflow.card-encryption-key must be the base64 of 32 random bytes")
                .withMessageNotContaining(configured);
    }

    @Test
    void generatesAnOwnerOnlyKeyIntoTheDataDirectoryAndReusesIt(@TempDir Path dataDir) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(PanVault.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            String stored = vault(dataDir, null).encrypt(CARD, PAN);

            Path file = dataDir.resolve(PanVault.FILE_NAME);
            String key = Files.readString(file).strip();
            assertThat(Base64.getDecoder().decode(key)).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(vault(dataDir, null).decrypt(CARD, stored)).isEqualTo(PAN);
            assertThat(Files.readString(file).strip()).isEqualTo(key);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains(file.toString()))
                    .allSatisfy(line -> assertThat(line).doesNotContain(key));
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static PanVault vault(Path dataDir, String cardEncryptionKey) {
        CardflowProperties properties = new CardflowProperties(dataDir, null, Duration.ofSeconds(2), null,
                new CardflowProperties.Kyc("classpath:watchlist/sample-watchlist.txt", 0.9), CardflowProperties.DemoMerchant.AUTO,
                new CardflowProperties.Idempotency(Duration.ofHours(48), Duration.ofMinutes(1)), new CardflowProperties.TopUps(100),
                65_536, cardEncryptionKey, new CardflowProperties.Jobs(
                        new CardflowProperties.Retry(Duration.ofSeconds(1), Duration.ofMinutes(10), 2, 16)));
        return new PanVault(properties, new DataDirectory(properties));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
