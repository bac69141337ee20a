package io.cardflow.longpoll;

import io.cardflow.common.ApiException;
import java.time.Duration;

/**
 * A request's {@code wait} parameter: how long it may wait for a change, 1–60 seconds. Taken as a string so that a bad
 * value is our 422 naming the parameter rather than a framework error.
 */
public record Wait(Duration duration) {

    public static final int MAX_SECONDS = 60;
    /** How the parameter is documented on every operation that takes it. */
    public static final String DESCRIPTION = "Long-poll: wait up to this many seconds (an integer from 1 to 60) for the "
            + "status to leave its waiting state; the answer comes as soon as it does, or with the unchanged status when "
            + "the time is up. Absent: answer at once.";

    public static Wait of(String seconds) {
        int parsed;
        try {
            parsed = Integer.parseInt(seconds);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (parsed < 1 || parsed > MAX_SECONDS) {
            throw invalid();
        }
        return new Wait(Duration.ofSeconds(parsed));
    }

    private static ApiException invalid() {
        return ApiException.invalid("wait", "must be an integer number of seconds between 1 and " + MAX_SECONDS);
    }
}
