package io.cardflow.card;

import io.cardflow.security.EncryptedData;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The card numbers already stored, which a key must decrypt before it is accepted for a database without a check value. */
@Component
class StoredCardNumbers implements EncryptedData {

    private final CardRepository cards;

    StoredCardNumbers(CardRepository cards) {
        this.cards = cards;
    }

    @Override
    public Optional<Boolean> decryptsWith(byte[] key) {
        return cards.anyStoredPan().map(stored -> {
            try {
                new PanVault(key).decrypt(stored.cardId(), stored.panEncrypted());
                return true;
            } catch (IllegalArgumentException anotherKey) {
                return false;
            }
        });
    }
}
