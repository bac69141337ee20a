package io.cardflow.security;

import java.util.Optional;

/**
 * Something stored encrypted under the {@link EncryptionKey}. A database written before key check values were stored
 * has none; a key is accepted for it only if what is stored decrypts with it.
 */
public interface EncryptedData {

    /** Empty when nothing is stored yet; otherwise whether a stored value decrypts with {@code key}. */
    Optional<Boolean> decryptsWith(byte[] key);
}
