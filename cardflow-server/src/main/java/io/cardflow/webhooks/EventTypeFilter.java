package io.cardflow.webhooks;

import java.util.List;

/** Stand-in for i13-endpoints' class (replaced when main is merged in). */
public final class EventTypeFilter {

    private final List<String> patterns;

    private EventTypeFilter(List<String> patterns) {
        this.patterns = patterns;
    }

    public static EventTypeFilter parse(List<String> patterns) {
        return new EventTypeFilter(patterns == null ? List.of() : List.copyOf(patterns));
    }

    public static EventTypeFilter fromStored(String stored) {
        return parse(stored.isBlank() ? List.of() : List.of(stored.split(" ")));
    }

    public String stored() {
        return String.join(" ", patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean matches(String type) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.equals("*") || p.equals(type)
                || (p.endsWith(".*") && type.startsWith(p.substring(0, p.length() - 1))));
    }
}
