package io.cardflow.security;

import java.util.Optional;

/**
 * Tells which merchant an API key presented on a request belongs to. Implemented by the feature that issues the keys
 * ({@code merchant}), so that authentication needs nothing of it but this.
 */
public interface MerchantKeyVerifier {

    /** The merchant and key the secret stands for; empty when it is unknown or revoked. */
    Optional<MerchantPrincipal> authenticate(String presentedSecret);
}
