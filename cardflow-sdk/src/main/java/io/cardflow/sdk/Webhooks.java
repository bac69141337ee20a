package io.cardflow.sdk;

import io.cardflow.sdk.exception.WebhookVerificationException;
import io.cardflow.sdk.exception.WebhookVerificationException.Reason;
import io.cardflow.sdk.model.AuthorizationRequest;
import io.cardflow.sdk.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks that a webhook request comes from cardflow (Standard Webhooks 1.0) and reads its event. Needs no API key and
 * no client: only the endpoint's {@code whsec_…} secret.
 *
 * <pre>{@code
 * Event event = Webhooks.verify(rawBody, headers, secret);   // throws WebhookVerificationException: answer 400
 * }</pre>
 *
 * <p>Pass the body exactly as it arrived, as bytes (or as the string those bytes decode to in UTF-8): a body parsed
 * and written again by a JSON library no longer matches its signature. Header names are matched whatever their case.
 * Every {@code v1} signature in {@code webhook-signature} is tried (during a secret rotation there are two), each
 * compared in constant time; then the signature's timestamp must be within the tolerance (5 minutes unless told) of
 * this machine's clock, either way, so that a captured request cannot be replayed later.
 */
public final class Webhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final ObjectMapper MAPPER = Json.mapper();

    private Webhooks() {
    }

    /** @see #verify(byte[], Map, String, Duration) */
    public static Event verify(String rawBody, Map<String, ?> headers, String secret) {
        return verify(utf8(rawBody), headers, secret, DEFAULT_TOLERANCE);
    }

    /** @see #verify(byte[], Map, String, Duration) */
    public static Event verify(String rawBody, Map<String, ?> headers, String secret, Duration tolerance) {
        return verify(utf8(rawBody), headers, secret, tolerance);
    }

    /** @see #verify(byte[], Map, String, Duration) */
    public static Event verify(byte[] rawBody, Map<String, ?> headers, String secret) {
        return verify(rawBody, headers, secret, DEFAULT_TOLERANCE);
    }

    /**
     * The event of a verified request.
     *
     * @param rawBody the request body as received, byte for byte
     * @param headers the request headers; each value a {@code String}, a {@code Collection} of them (the JDK's
     *                {@code Headers}, Spring's {@code MultiValueMap}) or a {@code String[]}
     * @param secret the endpoint's {@code whsec_…} secret
     * @param tolerance how far the signature's timestamp may be from now, either way
     * @throws WebhookVerificationException when a check fails; {@link WebhookVerificationException#reason()} says which
     * @throws IllegalArgumentException when {@code secret} is not a webhook secret (a configuration error)
     */
    public static Event verify(byte[] rawBody, Map<String, ?> headers, String secret, Duration tolerance) {
        Objects.requireNonNull(headers, "headers");
        return verify(rawBody, name -> valuesOf(headers, name), secret, tolerance, Clock.systemUTC());
    }

    /**
     * The same, with the headers read one by one: {@code Webhooks.verify(body, request::getHeader, secret)} for a
     * servlet request, {@code httpHeaders::getFirst} for Spring's {@code HttpHeaders}.
     */
    public static Event verify(byte[] rawBody, Function<String, String> header, String secret) {
        return verify(rawBody, header, secret, DEFAULT_TOLERANCE);
    }

    /** @see #verify(byte[], Function, String) */
    public static Event verify(byte[] rawBody, Function<String, String> header, String secret, Duration tolerance) {
        Objects.requireNonNull(header, "header");
        return verify(rawBody, name -> {
            var value = header.apply(name);
            return value == null ? List.of() : List.of(value);
        }, secret, tolerance, Clock.systemUTC());
    }

    /**
     * The purchase a merchant's decision endpoint is asked to decide ({@code authorization.request}), from a verified
     * request: checked exactly as {@link #verify(byte[], Map, String, Duration)} checks a delivery. Answer it within the
     * decision deadline with {@code {"approved": true|false, "amount"?: n, "metadata"?: {…}}}.
     *
     * @throws WebhookVerificationException when a check fails, or the signed body is not an {@code authorization.request}
     */
    public static AuthorizationRequest verifyAuthorizationRequest(byte[] rawBody, Map<String, ?> headers, String secret) {
        Objects.requireNonNull(headers, "headers");
        return verifyAuthorizationRequest(rawBody, name -> valuesOf(headers, name), secret, DEFAULT_TOLERANCE,
                Clock.systemUTC());
    }

    /** @see #verifyAuthorizationRequest(byte[], Map, String) */
    public static AuthorizationRequest verifyAuthorizationRequest(String rawBody, Map<String, ?> headers, String secret) {
        return verifyAuthorizationRequest(utf8(rawBody), headers, secret);
    }

    /** The same, with the headers read one by one ({@code request::getHeader}). */
    public static AuthorizationRequest verifyAuthorizationRequest(byte[] rawBody, Function<String, String> header,
                                                                  String secret) {
        Objects.requireNonNull(header, "header");
        return verifyAuthorizationRequest(rawBody, name -> {
            var value = header.apply(name);
            return value == null ? List.of() : List.of(value);
        }, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    static AuthorizationRequest verifyAuthorizationRequest(byte[] rawBody, Function<String, List<String>> headerValues,
                                                           String secret, Duration tolerance, Clock clock) {
        check(rawBody, headerValues, secret, tolerance, clock);
        JsonNode request;
        try {
            request = MAPPER.readTree(rawBody);
        } catch (JacksonException unreadable) {
            throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
                    "The signed body is not JSON: " + unreadable.getOriginalMessage(), unreadable);
        }
        if (request == null || !AuthorizationRequest.TYPE.equals(request.path("type").asString(null))
                || !request.path("data").isObject()) {
            throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
                    "The signed body is not an " + AuthorizationRequest.TYPE + " with its data");
        }
        try {
            return MAPPER.treeToValue(request.get("data"), AuthorizationRequest.class)
                    .withCreatedAt(MAPPER.treeToValue(request.path("createdAt"), Instant.class));
        } catch (JacksonException unreadable) {
            throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
                    "The signed body is not an " + AuthorizationRequest.TYPE + ": " + unreadable.getOriginalMessage(),
                    unreadable);
        }
    }

    /** The check itself; {@code clock} is this machine's unless a test sets the time. */
    static Event verify(byte[] rawBody, Function<String, List<String>> headerValues, String secret, Duration tolerance,
                        Clock clock) {
        check(rawBody, headerValues, secret, tolerance, clock);
        return parse(rawBody);
    }

    /** The signature and the timestamp; throws when either fails. */
    private static void check(byte[] rawBody, Function<String, List<String>> headerValues, String secret, Duration tolerance,
                              Clock clock) {
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(tolerance, "tolerance");
        var key = WebhookSigner.keyOf(secret);
        var id = required(headerValues, ID_HEADER);
        var timestampText = required(headerValues, TIMESTAMP_HEADER);
        var signatures = signaturesOf(headerValues.apply(SIGNATURE_HEADER));
        long timestamp = parseTimestamp(timestampText);

        var expected = WebhookSigner.mac(key, id, timestamp, rawBody);
        if (signatures.stream().noneMatch(candidate -> MessageDigest.isEqual(expected, candidate))) {
            throw new WebhookVerificationException(Reason.SIGNATURE_MISMATCH, "No " + SIGNATURE_HEADER
                    + " matches the body with this secret: is it the endpoint's current secret, and the raw body?");
        }
        var age = Duration.ofSeconds(clock.instant().getEpochSecond() - timestamp);
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_OLD,
                    "The " + TIMESTAMP_HEADER + " is " + age.toSeconds() + " s old, more than the tolerance of "
                            + tolerance.toSeconds() + " s");
        }
        if (age.negated().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_NEW,
                    "The " + TIMESTAMP_HEADER + " is " + age.negated().toSeconds() + " s ahead of this clock, more "
                            + "than the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    /** The event of a signed body; JSON without an event's {@code id} and {@code type} is no event either. */
    private static Event parse(byte[] rawBody) {
        Event event;
        try {
            event = MAPPER.readValue(rawBody, Event.class);
        } catch (JacksonException unreadable) {
            throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
                    "The signed body is not an event: " + unreadable.getOriginalMessage(), unreadable);
        }
        if (event == null || event.id() == null || event.typeName() == null) {
            throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
                    "The signed body is not an event: it has no id or type");
        }
        return event;
    }

    private static String required(Function<String, List<String>> headerValues, String name) {
        var values = headerValues.apply(name);
        if (values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "The " + name + " header is missing");
        }
        return values.getFirst().strip();
    }

    private static long parseTimestamp(String text) {
        if (!text.matches("\\d{1,12}")) {
            throw new WebhookVerificationException(Reason.MALFORMED_HEADER,
                    "The " + TIMESTAMP_HEADER + " header is not Unix seconds");
        }
        return Long.parseLong(text);
    }

    /**
     * The decoded {@code v1} signatures of a space-separated list of {@code version,base64} (several header lines
     * count as one list). Other versions are skipped, as the standard asks; a list with no {@code v1} is malformed.
     */
    private static List<byte[]> signaturesOf(List<String> headerLines) {
        var lines = headerLines.stream().filter(Objects::nonNull).filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER,
                    "The " + SIGNATURE_HEADER + " header is missing");
        }
        var signatures = new ArrayList<byte[]>();
        boolean anyV1 = false;
        for (var line : lines) {
            for (var entry : line.strip().split("\\s+")) {
                if (!entry.startsWith("v1,")) {
                    continue;
                }
                anyV1 = true;
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException notBase64) {
                    // A garbled signature matches nothing; another one in the list still may.
                }
            }
        }
        if (!anyV1) {
            throw new WebhookVerificationException(Reason.MALFORMED_HEADER,
                    "The " + SIGNATURE_HEADER + " header has no v1,<base64> signature");
        }
        return signatures;
    }

    private static List<String> valuesOf(Map<String, ?> headers, String name) {
        var values = new ArrayList<String>();
        headers.forEach((key, value) -> {
            if (key != null && key.equalsIgnoreCase(name) && value != null) {
                switch (value) {
                    case Collection<?> several -> several.forEach(one -> values.add(Objects.toString(one, null)));
                    case String[] several -> values.addAll(List.of(several));
                    default -> values.add(value.toString());
                }
            }
        });
        return values;
    }

    private static byte[] utf8(String rawBody) {
        return Objects.requireNonNull(rawBody, "rawBody").getBytes(StandardCharsets.UTF_8);
    }
}
