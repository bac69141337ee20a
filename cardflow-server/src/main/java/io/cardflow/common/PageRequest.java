package io.cardflow.common;

import java.util.regex.Pattern;

/**
 * The {@code limit} (1–100, default 10) and {@code startingAfter} cursor of a list call, newest first.
 * Taken as strings so that a bad value is our 422 naming the parameter rather than a framework error.
 * A cursor that cannot be an id is refused here, before it reaches SQL (PostgreSQL refuses a NUL in text).
 */
public record PageRequest(int limit, String startingAfter) {

    public static final String CURSOR_PATTERN = "[A-Za-z0-9_]{1,64}";
    private static final Pattern ID_SHAPE = Pattern.compile(CURSOR_PATTERN);

    /** How the list parameters are documented on every list operation. */
    public static final String LIMIT_DESCRIPTION = "How many objects to return: an integer from 1 to 100; 10 when absent";
    public static final String STARTING_AFTER_DESCRIPTION = "A cursor: the id of the last object of the previous page, "
            + "to get the page after it; absent for the first page";

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String startingAfter) {
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsedLimit = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                throw ApiException.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
            }
        }
        if (startingAfter != null && !ID_SHAPE.matcher(startingAfter).matches()) {
            throw ApiException.invalid("startingAfter", "must be the id of an object from a previous page");
        }
        return new PageRequest(parsedLimit, startingAfter);
    }
}
