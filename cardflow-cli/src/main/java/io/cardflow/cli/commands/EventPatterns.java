package io.cardflow.cli.commands;

import io.cardflow.cli.UsageException;
import java.util.List;

/**
 * Which event types {@code listen} forwards, spelt as a webhook endpoint's filter: exact types
 * ({@code topup.approved}), {@code prefix.*} wildcards ({@code card.*}), or {@code *}; none means every event.
 */
record EventPatterns(List<String> patterns) {

    static EventPatterns parse(List<String> given) {
        var patterns = given == null ? List.<String>of()
                : given.stream().map(String::strip).filter(pattern -> !pattern.isEmpty()).toList();
        for (var pattern : patterns) {
            var wildcard = pattern.indexOf('*');
            var valid = pattern.equals("*")
                    || wildcard < 0 && !pattern.startsWith(".") && !pattern.endsWith(".")
                    || wildcard == pattern.length() - 1 && pattern.endsWith(".*") && pattern.length() > 2;
            if (!valid) {
                throw new UsageException("--events: '" + pattern + "' is none of an event type (topup.approved), a "
                        + "wildcard (card.*) or *");
            }
        }
        return new EventPatterns(patterns);
    }

    boolean matches(String type) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> pattern.equals("*")
                || pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : type.equals(pattern));
    }

    /** For people: the patterns, or "every event". */
    String describe() {
        return patterns.isEmpty() ? "every event" : String.join(", ", patterns);
    }
}
