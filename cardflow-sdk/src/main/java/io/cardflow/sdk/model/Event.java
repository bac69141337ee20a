package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A state change of one of the merchant's objects (docs/events.md). {@code data} is the object as its GET answered
 * right after the change; {@link #card()}, {@link #topUp()}, {@link #application()}, {@link #authorization()},
 * {@link #step()}, {@link #controls()} and {@link #webhookEndpoint()} read it as the SDK's models.
 * {@code sequence} counts the changes of {@code objectId} from 1: an event with a lower one than already seen is older.
 */
public record Event(
        String id,
        @JsonProperty("type") String typeName,
        Instant createdAt,
        String objectId,
        int sequence,
        JsonNode data) {

    // As lenient as the client's own mapper: a newer server's objects have fields this SDK does not know.
    private static final JsonMapper DATA_READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The type from the catalog; {@link EventType#UNKNOWN} for one this SDK does not know ({@link #typeName()} has it). */
    public EventType type() {
        return EventType.parse(typeName);
    }

    /** The card, for a {@code card.*} event but {@code card.controls_updated} (its data is the {@link #controls()}). */
    public Optional<Card> card() {
        return type() == EventType.CARD_CONTROLS_UPDATED ? Optional.empty() : dataAs("card.", Card.class);
    }

    /** A card's or a customer's spending controls, for {@code card.controls_updated} and {@code customer.controls_updated}. */
    public Optional<Controls> controls() {
        var type = type();
        return type == EventType.CARD_CONTROLS_UPDATED || type == EventType.CUSTOMER_CONTROLS_UPDATED
                ? dataAs("", Controls.class) : Optional.empty();
    }

    /** The refund or force capture, for a {@code refund.*} or {@code force_capture.*} event. */
    public Optional<AuthorizationStep> step() {
        return dataAs("refund.", AuthorizationStep.class).or(() -> dataAs("force_capture.", AuthorizationStep.class));
    }

    /** The top-up, for a {@code topup.*} event. */
    public Optional<TopUp> topUp() {
        return dataAs("topup.", TopUp.class);
    }

    /** The application, for an {@code application.*} event. */
    public Optional<Application> application() {
        return dataAs("application.", Application.class);
    }

    /** The purchase, for an {@code authorization.*} event. */
    public Optional<Authorization> authorization() {
        return dataAs("authorization.", Authorization.class);
    }

    /** The endpoint (never its secret), for a {@code webhook_endpoint.*} event. */
    public Optional<WebhookEndpoint> webhookEndpoint() {
        return dataAs("webhook_endpoint.", WebhookEndpoint.class);
    }

    private <T> Optional<T> dataAs(String typePrefix, Class<T> model) {
        if (typeName == null || !typeName.startsWith(typePrefix) || data == null || !data.isObject()) {
            return Optional.empty();
        }
        return Optional.of(DATA_READER.treeToValue(data, model));
    }
}
