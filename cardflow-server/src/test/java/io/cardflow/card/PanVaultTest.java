package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
