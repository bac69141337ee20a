package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.cardflow.sdk.exception.WebhookVerificationException;
import io.cardflow.sdk.exception.WebhookVerificationException.Reason;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Webhooks#verify}: signatures made by the official Standard Webhooks library (and the specification's published
 * test vector) are accepted, and each way a request can fail to prove itself is refused with its reason.
 */
class WebhooksTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String EVENT = """
            {"id":"evt_1","type":"card.activated","createdAt":"2026-03-14T09:28:03.221Z","objectId":"card_1",\
            "sequence":2,"data":{"cardId":"card_1","state":"active","currency":"USD","balance":0,\
            "nameOnCard":"Zoë Ångström"}}""";

    /** What a receiver got: the body and the headers the official library signed it with, for {@code timestamp}. */
    private record Request(String body, Map<String, String> headers) {
        static Request signed(String secret, String body, long timestamp) throws Exception {
            var signature = new Webhook(secret).sign("evt_1", timestamp, body);
            return new Request(body, Map.of("webhook-id", "evt_1", "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", signature));
        }

        Request with(String name, String value) {
            var headers = new HashMap<>(this.headers);
            headers.put(name, value);
            return new Request(body, headers);
        }

        Request without(String name) {
            var headers = new HashMap<>(this.headers);
            headers.remove(name);
            return new Request(body, headers);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static WebhookVerificationException.Reason refusal(Request request, String secret) {
        try {
            Webhooks.verify(request.body(), request.headers(), secret);
        } catch (WebhookVerificationException refused) {
            return refused.reason();
        }
        throw new AssertionError("verified");
    }

    @Test
    void thePublishedTestVectorIsSignedAlikeByTheLibraryAndTheSignerAndPassesAtItsOwnTime() throws Exception {
        var id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        var payload = "{\"test\": 2432232314}";
        long timestamp = 1614265330;
        var published = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        var headers = Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(published));

        assertThat(new Webhook(SECRET).sign(id, timestamp, payload)).isEqualTo(published);
        assertThat(new WebhookSigner(SECRET).signature(id, timestamp, payload.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(published);
        var thatMoment = Clock.fixed(Instant.ofEpochSecond(timestamp + 10), ZoneOffset.UTC);
        // Signature and time hold; the vector's payload is simply no cardflow event.
        assertThatThrownBy(() -> Webhooks.verify(payload.getBytes(StandardCharsets.UTF_8),
                name -> headers.getOrDefault(name, List.of()), SECRET, Webhooks.DEFAULT_TOLERANCE, thatMoment))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
        assertThatThrownBy(() -> Webhooks.verify(payload, headers, SECRET))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
    }

    @Test
    void aFreshlySignedEventVerifiesAndReadsAsTypedClasses() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        var event = Webhooks.verify(request.body(), request.headers(), SECRET);

        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(event.type()).isEqualTo(EventType.CARD_ACTIVATED);
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.card()).hasValueSatisfying(card -> {
            assertThat(card.state()).isEqualTo(CardState.ACTIVE);
            assertThat(card.nameOnCard()).isEqualTo("Zoë Ångström");
        });
    }

    @Test
    void theRawBytesTheJdkServerHandsOverVerifyWithItsHeaderMapWhateverTheCase() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());
        // As com.sun.net.httpserver.Headers presents them: capitalised names, a list of values each.
        var headers = new TreeMap<String, List<String>>();
        request.headers().forEach((name, value) -> headers.put(name.substring(0, 1).toUpperCase() + name.substring(1),
                List.of(value)));

        var event = Webhooks.verify(EVENT.getBytes(StandardCharsets.UTF_8), headers, SECRET);

        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(headers).containsKey("Webhook-signature");
    }

    @Test
    void aServletStyleLookupVerifiesToo() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());
        var upperCased = new HashMap<String, String>();
        request.headers().forEach((name, value) -> upperCased.put(name.toUpperCase(), value));

        var event = Webhooks.verify(EVENT.getBytes(StandardCharsets.UTF_8),
                name -> upperCased.get(name.toUpperCase()), SECRET);

        assertThat(event.typeName()).isEqualTo("card.activated");
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());
        var tampered = new Request(EVENT.replace("\"balance\":0", "\"balance\":100000"), request.headers());

        assertThat(refusal(tampered, SECRET)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void theSameEventWrittenAgainByAJsonLibraryNoLongerMatches() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());
        var reserialised = Json.mapper().writeValueAsString(Json.mapper().readTree(EVENT)).replace(",", ", ");

        assertThat(refusal(new Request(reserialised, request.headers()), SECRET)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void aTamperedIdOrTimestampIsRefused() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        assertThat(refusal(request.with("webhook-id", "evt_2"), SECRET)).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(refusal(request.with("webhook-timestamp", Long.toString(now() - 1)), SECRET))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void anotherSecretIsRefused() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        assertThat(refusal(request, WebhookSigner.generateSecret())).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void aStaleTimestampIsRefusedAndOneJustInsideTheToleranceIsNot() throws Exception {
        assertThat(refusal(Request.signed(SECRET, EVENT, now() - 301), SECRET)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);

        var justInside = Request.signed(SECRET, EVENT, now() - 290);
        assertThat(Webhooks.verify(justInside.body(), justInside.headers(), SECRET).id()).isEqualTo("evt_1");
    }

    @Test
    void aFutureTimestampIsRefused() throws Exception {
        assertThat(refusal(Request.signed(SECRET, EVENT, now() + 301), SECRET)).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void theToleranceCanBeChosen() throws Exception {
        var tenMinutesOld = Request.signed(SECRET, EVENT, now() - 600);

        assertThat(Webhooks.verify(tenMinutesOld.body(), tenMinutesOld.headers(), SECRET, Duration.ofMinutes(15)).id())
                .isEqualTo("evt_1");
        assertThatThrownBy(() -> Webhooks.verify(tenMinutesOld.body(), tenMinutesOld.headers(), SECRET,
                Duration.ofMinutes(5))).hasMessageContaining("600 s old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void aMissingOrBlankHeaderIsRefusedByName(String header) throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        assertThat(refusal(request.without(header), SECRET)).isEqualTo(Reason.MISSING_HEADER);
        assertThat(refusal(request.with(header, " "), SECRET)).isEqualTo(Reason.MISSING_HEADER);
        assertThatThrownBy(() -> Webhooks.verify(request.body(), request.without(header).headers(), SECRET))
                .hasMessageContaining(header);
    }

    @Test
    void malformedHeadersAreRefused() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        assertThat(refusal(request.with("webhook-timestamp", "yesterday"), SECRET)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(refusal(request.with("webhook-timestamp", "-5"), SECRET)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(refusal(request.with("webhook-signature", "garbage"), SECRET)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(refusal(request.with("webhook-signature", "v2,abc= v1a,xyz"), SECRET))
                .isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(refusal(request.with("webhook-signature", "v1,not*base64"), SECRET))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void anyOneOfSeveralSignaturesMatchingIsEnough() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());
        var other = new Webhook(WebhookSigner.generateSecret()).sign("evt_1", Long.parseLong(
                request.headers().get("webhook-timestamp")), EVENT);
        var ours = request.headers().get("webhook-signature");

        for (var header : List.of(other + " v1a,c29tZXRoaW5nIGVsc2U= " + ours, ours + " " + other,
                "v1,!!! " + ours)) {
            var withHeader = request.with("webhook-signature", header);
            assertThat(Webhooks.verify(withHeader.body(), withHeader.headers(), SECRET).id()).isEqualTo("evt_1");
        }
        var asTwoHeaderLines = new HashMap<String, Object>(request.headers());
        asTwoHeaderLines.put("webhook-signature", List.of(other, ours));
        assertThat(Webhooks.verify(request.body(), asTwoHeaderLines, SECRET).id()).isEqualTo("evt_1");
        assertThat(refusal(request.with("webhook-signature", other + " " + other), SECRET))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void aSignedBodyThatIsNoEventIsRefusedAsSuch() throws Exception {
        var request = Request.signed(SECRET, "[1, 2]", now());

        assertThat(refusal(request, SECRET)).isEqualTo(Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void aSecretThatIsNoWebhookSecretIsAConfigurationError() throws Exception {
        var request = Request.signed(SECRET, EVENT, now());

        assertThatThrownBy(() -> Webhooks.verify(request.body(), request.headers(), "whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> Webhooks.verify(request.body(), request.headers(), "whsec_"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignerSignsAsTheLibraryDoesWithTheSecretsItGenerates() throws Exception {
        var secret = WebhookSigner.generateSecret();
        var timestamp = Instant.ofEpochSecond(now());
        var body = EVENT.getBytes(StandardCharsets.UTF_8);

        var headers = new WebhookSigner(secret).headers("evt_1", timestamp, body);

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(headers).containsOnlyKeys("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(headers.get("webhook-signature"))
                .isEqualTo(new Webhook(secret).sign("evt_1", timestamp.getEpochSecond(), EVENT));
        var asTheLibraryReadsThem = new HashMap<String, List<String>>();
        headers.forEach((name, value) -> asTheLibraryReadsThem.put(name, List.of(value)));
        new Webhook(secret).verify(EVENT, asTheLibraryReadsThem);
    }
}
