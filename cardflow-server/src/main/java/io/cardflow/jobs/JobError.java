package io.cardflow.jobs;

/**
 * What a failed attempt says about its cause, for operators: the innermost exception's class and the first line of its
 * message, cut short. Never a stack trace, and not the lines after the first: PostgreSQL puts the failing row's values
 * there ("Detail: Failing row contains ..."), which may be a customer's data.
 */
public record JobError(String exceptionClass, String message) {

    static final int MAX_MESSAGE = 300;
    static final int MAX_CLASS = 200;

    static JobError of(Throwable failure) {
        if (failure == null) {
            return new JobError("unknown", null);
        }
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null) {
            message = message.lines().findFirst().orElse("").strip();
            message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        }
        String exceptionClass = root.getClass().getName();
        return new JobError(exceptionClass.length() > MAX_CLASS ? exceptionClass.substring(0, MAX_CLASS) : exceptionClass, message);
    }

    @Override
    public String toString() {
        return message == null ? exceptionClass : exceptionClass + ": " + message;
    }
}
