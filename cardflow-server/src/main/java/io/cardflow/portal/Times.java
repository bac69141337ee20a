package io.cardflow.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the portal shows them: to the second, in UTC, said so on the page (every row of a table in one zone). */
final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String show(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
