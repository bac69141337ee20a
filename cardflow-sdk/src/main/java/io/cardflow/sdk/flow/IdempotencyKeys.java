package io.cardflow.sdk.flow;

import io.cardflow.sdk.RequestOptions;
import io.cardflow.sdk.model.ApplicationParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key of each POST of a flow: the flow's id and the step, so that running the same flow again (after a
 * crash, or to resume) replays what was already created instead of creating it twice.
 */
final class IdempotencyKeys {

    private final String flowId;

    IdempotencyKeys(String flowId) {
        this.flowId = flowId;
    }

    RequestOptions customer() {
        return key("customer");
    }

    /**
     * One key per attempt and per data: a rerun of the same submission replays it, while corrected data (or a new
     * attempt after a rejection) is a new submission.
     */
    RequestOptions application(String productId, int attempt, ApplicationParams data) {
        return key("application:" + productId + ":" + attempt + ":" + fingerprint(data));
    }

    RequestOptions card(String productId) {
        return key("card:" + productId);
    }

    RequestOptions topUp(String cardId) {
        return key("topup:" + cardId);
    }

    private RequestOptions key(String step) {
        return RequestOptions.builder().idempotencyKey(flowId + ":" + step).build();
    }

    /** A digest of the data's text, which (unlike hashCode) is the same in every JVM: records print their values. */
    private static String fingerprint(ApplicationParams data) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
