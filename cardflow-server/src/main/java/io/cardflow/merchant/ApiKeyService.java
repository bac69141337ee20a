package io.cardflow.merchant;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Hashing;
import io.cardflow.common.Ids;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.security.MerchantKeyVerifier;
import io.cardflow.security.MerchantPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant API keys: 40 random base-62 characters (238 bits) shown once and stored only as a SHA-256 hash.
 * A slow password hash would add nothing for a key this random and would cost every request.
 */
@Service
public class ApiKeyService implements MerchantKeyVerifier {

    private static final String SECRET_PREFIX = "sk_";

    private final ApiKeyRepository keys;
    private final MerchantService merchants;
    private final Clock clock;
    private final EventLog events;

    ApiKeyService(ApiKeyRepository keys, MerchantService merchants, Clock clock, EventLog events) {
        this.keys = keys;
        this.merchants = merchants;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public IssuedApiKey issue(String merchantId) {
        merchants.get(merchantId);
        String secret = SECRET_PREFIX + Ids.randomToken(40);
        ApiKey key = new ApiKey(Ids.newId("key"), merchantId, secret.substring(0, 10), clock.instant(), null);
        keys.insert(key, hash(secret));
        events.recordCreated(List.of(new EventLog.Change(merchantId, EventType.API_KEY_CREATED, key.id(), key)));
        return new IssuedApiKey(key.id(), merchantId, secret, key.prefix(), key.createdAt());
    }

    @Override
    public Optional<MerchantPrincipal> authenticate(String presentedSecret) {
        if (!presentedSecret.startsWith(SECRET_PREFIX) || presentedSecret.length() != SECRET_PREFIX.length() + 40) {
            return Optional.empty();
        }
        return keys.findActive(hash(presentedSecret));
    }

    public List<ApiKey> list(String merchantId) {
        merchants.get(merchantId);
        return keys.listFor(merchantId);
    }

    @Transactional
    public ApiKey revoke(String merchantId, String keyId) {
        merchants.get(merchantId);
        keys.find(merchantId, keyId).orElseThrow(() -> ApiException.notFound("API key", keyId));
        if (!keys.revoke(merchantId, keyId, clock.instant())) {
            throw new ApiException(ErrorCode.API_KEY_ALREADY_REVOKED, "API key '" + keyId + "' was already revoked");
        }
        ApiKey revoked = keys.find(merchantId, keyId).orElseThrow();
        events.record(merchantId, EventType.API_KEY_REVOKED, keyId, revoked);
        return revoked;
    }

    private static String hash(String secret) {
        return Hashing.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
