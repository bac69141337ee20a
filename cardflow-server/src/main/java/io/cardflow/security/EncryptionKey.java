package io.cardflow.security;

import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import io.cardflow.config.StartupRefusal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts what is stored in confidence (card numbers and CVVs): {@code cardflow.card-encryption-key}, or
 * on the embedded database, which one process owns, one generated into the data directory. Every node sharing a
 * database must hold the same key, so a PostgreSQL node without the setting refuses to start, and so does a node
 * whose key's check value differs from the one the database stores. The key itself never enters the database.
 */
@Component
public class EncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKey.class);
    static final String SETTING = "cardflow.card-encryption-key";
    static final String FILE_NAME = "card-encryption-key.txt";
    static final int KEY_BYTES = 32;
    private static final int CHECK_VALUE_BYTES = 8;
    private static final String MAKE_ONE = "make one with `openssl rand -base64 32`";
    private static final String IF_EMPTY = "restore it from a backup or set " + SETTING + "; delete it only if no card was "
            + "ever issued with it, and a new key is generated";

    private final byte[] key;

    public EncryptionKey(CardflowProperties properties, DataDirectory dataDirectory, KeyVerifiers verifiers,
                         List<EncryptedData> encryptedData) {
        Optional<String> storedCheckValue = verifiers.find(KeyVerifiers.CARD_ENCRYPTION_KEY);
        Source source = source(properties.cardEncryptionKey(), dataDirectory, verifiers.databaseIsEmbedded(), storedCheckValue);
        this.key = decode(source);
        String checkValue = checkValue(key);
        String expected = storedCheckValue.orElseGet(() -> firstCheckValue(source, key, checkValue, encryptedData, verifiers));
        if (!expected.equals(checkValue)) {
            throw new StartupRefusal(source.name() + " differs from the key this database's card numbers were encrypted "
                    + "with (check value " + expected + " expected, " + checkValue + " computed)", "give every node the same key");
        }
        if (source.created()) {
            log.info("Generated a card encryption key into {} (readable only by its owner); back it up: stored card numbers "
                    + "cannot be read without it", source.origin());
        } else {
            log.info("Card encryption key taken from {}; its check value {} is this database's", source.origin(), checkValue);
        }
    }

    /** A copy of the 32 key bytes, from which each use derives what it needs. */
    public byte[] bytes() {
        return key.clone();
    }

    /** Identifies a key without revealing anything usable about it: the first bytes of an HMAC of a constant, in hex. */
    static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] check = mac.doFinal("cardflow key check v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(check, CHECK_VALUE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Where the key came from: {@code origin} is the setting or the file, {@code name} how a message speaks of it. */
    private record Source(String origin, String name, String base64, boolean created) {

        static Source setting(String base64) {
            return new Source(SETTING, SETTING, base64, false);
        }

        static Source file(DataDirectory.Secret secret) {
            return new Source(secret.file().toString(), "The card encryption key in " + secret.file(), secret.value(), secret.created());
        }
    }

    private static Source source(String configured, DataDirectory dataDirectory, boolean embeddedDatabase,
                                 Optional<String> storedCheckValue) {
        if (configured != null && !configured.isBlank()) {
            return Source.setting(configured.strip());
        }
        Optional<String> fromFile = dataDirectory.readSecret(FILE_NAME, IF_EMPTY);
        if (!embeddedDatabase) {
            throw new StartupRefusal(SETTING + " (CARDFLOW_CARD_ENCRYPTION_KEY) is not set, and on PostgreSQL every node "
                    + "must be given the same key", MAKE_ONE + " and set it on every node" + fromFile.map(
                            value -> "; if cards were issued already, use the key this node generated before, in "
                                    + dataDirectory.file(FILE_NAME)).orElse(""));
        }
        if (fromFile.isPresent()) {
            return Source.file(new DataDirectory.Secret(fromFile.get(), dataDirectory.file(FILE_NAME), false));
        }
        if (storedCheckValue.isPresent()) {
            throw new StartupRefusal(dataDirectory.file(FILE_NAME) + " is missing, and this database's card numbers were "
                    + "encrypted with a key (check value " + storedCheckValue.get() + ")",
                    "restore the file from a backup, or set " + SETTING + " to that key");
        }
        return Source.file(dataDirectory.secret(FILE_NAME, IF_EMPTY, EncryptionKey::generate));
    }

    /**
     * No check value is stored yet: a new database, or one from before check values. Data already stored must decrypt
     * with the key; then its check value is stored, or the one of a node that started at the same moment is returned.
     */
    private static String firstCheckValue(Source source, byte[] key, String checkValue, List<EncryptedData> encryptedData,
                                          KeyVerifiers verifiers) {
        for (EncryptedData data : encryptedData) {
            if (data.decryptsWith(key).equals(Optional.of(false))) {
                throw new StartupRefusal(source.name() + " does not decrypt the card numbers already stored in this database",
                        "give every node the key they were encrypted with");
            }
        }
        return verifiers.storeIfAbsent(KeyVerifiers.CARD_ENCRYPTION_KEY, checkValue);
    }

    private static String generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // The messages never quote the key: a start-up failure is logged.
    private static byte[] decode(Source source) {
        String problem = source.name() + " must be the base64 of " + KEY_BYTES + " random bytes";
        byte[] key;
        try {
            key = Base64.getDecoder().decode(source.base64());
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(problem + "; it is not valid base64", MAKE_ONE);
        }
        if (key.length != KEY_BYTES) {
            throw new StartupRefusal(problem + "; it decodes to " + key.length + " bytes", MAKE_ONE);
        }
        return key;
    }
}
