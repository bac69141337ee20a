package io.cardflow.webhooks;

import io.cardflow.common.ApiException;
import io.cardflow.events.EventType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events a webhook endpoint receives: exact types of the catalog ({@code card.activated}), {@code prefix.*}
 * wildcards over a prefix some type has ({@code card.*}), or {@code *}; none means every event. Only catalog names are
 * accepted, so a typo is refused at registration rather than silently matching nothing. {@code authorization.request}
 * is accepted too: it is not a logged event but the synchronous call to a decision endpoint (api-contract.md).
 */
public final class EventTypeFilter {

    static final String AUTHORIZATION_REQUEST = "authorization.request";
    private static final String EVERYTHING = "*";
    private static final String WILDCARD_SUFFIX = ".*";
    private static final Pattern ECHOABLE = Pattern.compile("[a-z0-9_.*]{1,64}");
    private static final EventTypeFilter ALL = new EventTypeFilter(List.of());

    private final List<String> patterns;

    private EventTypeFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** A merchant's filter, checked against the catalog (a 422 on {@code eventTypes} naming the bad entry); duplicates dropped. */
    public static EventTypeFilter parse(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return ALL;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern == null || pattern.isBlank()) {
                throw ApiException.invalid("eventTypes", "entry " + i + " is empty");
            }
            if (!isValid(pattern)) {
                throw ApiException.invalid("eventTypes", "entry " + i + named(pattern) + " is not an event type of the "
                        + "catalog (docs/events.md), a wildcard over a prefix of some (card.*), or *");
            }
            distinct.add(pattern);
        }
        return new EventTypeFilter(List.copyOf(distinct));
    }

    /** The filter as stored by {@link #stored()}: trusted, it was checked when set. */
    public static EventTypeFilter fromStored(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? ALL
                : new EventTypeFilter(Arrays.asList(spaceSeparated.split(" ")));
    }

    /** Space-separated ({@code ''} for every event): no pattern contains a space. */
    public String stored() {
        return String.join(" ", patterns);
    }

    /** As the merchant set them; empty for every event. */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * Whether the endpoint is a decision endpoint: only when it names {@code authorization.request} itself. A wildcard
     * ({@code *}, {@code authorization.*}) never makes one: an endpoint registered for events would otherwise start
     * deciding purchases, and a receiver that answers 2xx without a decision would stall every authorization.
     */
    public boolean requestsDecisions() {
        return patterns.contains(AUTHORIZATION_REQUEST);
    }

    /** Events of the log only: {@code authorization.request} is none, so no delivery is ever queued for it. */
    public boolean matches(String eventTypeWire) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (pattern.equals(EVERYTHING) || pattern.equals(eventTypeWire)
                    || pattern.endsWith(WILDCARD_SUFFIX) && eventTypeWire.startsWith(withoutStar(pattern))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValid(String pattern) {
        if (pattern.equals(EVERYTHING) || pattern.equals(AUTHORIZATION_REQUEST) || EventType.of(pattern).isPresent()) {
            return true;
        }
        if (!pattern.endsWith(WILDCARD_SUFFIX)) {
            return false;
        }
        String prefix = withoutStar(pattern);
        return !prefix.contains("*") && Arrays.stream(EventType.values()).anyMatch(type -> type.wire().startsWith(prefix));
    }

    /** {@code card.*} → {@code card.} */
    private static String withoutStar(String wildcard) {
        return wildcard.substring(0, wildcard.length() - 1);
    }

    /** The entry, quoted, when it looks like a type name: arbitrary request text (markup, a megabyte) is never echoed. */
    private static String named(String pattern) {
        return ECHOABLE.matcher(pattern).matches() ? " ('" + pattern + "')" : "";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventTypeFilter filter && filter.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "every event" : stored();
    }
}
