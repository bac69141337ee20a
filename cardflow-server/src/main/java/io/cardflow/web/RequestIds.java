package io.cardflow.web;

import org.slf4j.MDC;

/** The id of the request being served, as put in the logging context by {@link RequestIdFilter}. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
