package io.cardflow.authorization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a merchant's decision endpoint answered: {@code {"approved": true|false, "amount"?: n, "metadata"?: {…}}}.
 * {@code amount}, when approving, is a partial approval: more than 0 and at most what was asked. {@code metadata} is a
 * flat object of strings the merchant wants kept on the authorization, bounded so that it stays small: at most
 * {@value #MAX_METADATA_ENTRIES} entries, keys of 1 to {@value #MAX_KEY_LENGTH} characters ({@code [A-Za-z0-9_.-]}),
 * values of at most {@value #MAX_VALUE_LENGTH}, and {@value #MAX_METADATA_JSON} characters as JSON in all (what is
 * stored). Anything else (another shape, an unknown field, a wrong type) is not a
 * decision, and the stand-in decides.
 */
record MerchantDecision(boolean approved, long amount, Map<String, String> metadata) {

    static final int MAX_METADATA_ENTRIES = 20;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_VALUE_LENGTH = 100;
    static final int MAX_METADATA_JSON = 4000;
    private static final Set<String> FIELDS = Set.of("approved", "amount", "metadata");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY_LENGTH + "}");

    /** The decision in {@code body}, for a purchase of {@code requested}; empty when the body is not one. */
    static Optional<MerchantDecision> parse(JsonMapper json, byte[] body, long requested) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (answer == null || !answer.isObject() || !answer.path("approved").isBoolean()
                || !FIELDS.containsAll(answer.propertyNames())) {
            return Optional.empty();
        }
        boolean approved = answer.get("approved").asBoolean();
        long amount = requested;
        JsonNode partial = answer.path("amount");
        if (!partial.isMissingNode() && !partial.isNull()) {
            if (!partial.isIntegralNumber() || !partial.canConvertToLong() || partial.asLong() <= 0 || partial.asLong() > requested) {
                return Optional.empty();
            }
            amount = partial.asLong();
        }
        JsonNode metadata = answer.path("metadata");
        Map<String, String> kept = new LinkedHashMap<>();
        if (!metadata.isMissingNode() && !metadata.isNull()) {
            if (!metadata.isObject() || metadata.size() > MAX_METADATA_ENTRIES) {
                return Optional.empty();
            }
            for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
                if (!KEY.matcher(entry.getKey()).matches() || !entry.getValue().isString()
                        || entry.getValue().asString().length() > MAX_VALUE_LENGTH) {
                    return Optional.empty();
                }
                kept.put(entry.getKey(), entry.getValue().asString());
            }
        }
        if (json.writeValueAsString(kept).length() > MAX_METADATA_JSON) {
            return Optional.empty();
        }
        return Optional.of(new MerchantDecision(approved, approved ? amount : 0, Collections.unmodifiableMap(kept)));
    }
}
