package io.cardflow.portal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the portal shows them: to the second, in the zone the person chose on the dashboard (kept in a cookie of
 * this browser, {@link #COOKIE}), UTC until they choose one; the zone is named after each time.
 */
final class Times {

    static final String COOKIE = "CARDFLOW_TIME_ZONE";
    static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** The zone a cookie names; UTC without one, or for one that names no zone (a cookie is the browser's to change). */
    static ZoneId zone(String cookie) {
        try {
            return cookie == null || cookie.isBlank() ? UTC : ZoneId.of(cookie);
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    static String show(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone)) + " " + zone.getId();
    }
}
