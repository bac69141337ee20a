package io.cardflow.config;

/**
 * A reason this node must not start, in one line that says what is wrong, and what to do about it: a wrong or
 * missing secret, a key that does not match the database's. {@link StartupRefusalAnalyzer} shows it as Spring Boot's
 * "APPLICATION FAILED TO START" report instead of a stack trace. Messages never quote a secret.
 */
public class StartupRefusal extends RuntimeException {

    private final String action;

    public StartupRefusal(String problem, String action) {
        super(problem + ": " + action);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
