package io.cardflow.portal;

import io.cardflow.people.OperatorRole;
import java.util.Set;

/**
 * What an operator user may change in the back office, by role: the one place that says it. Pages hide the forms of
 * actions a user may not take, and every POST checks here again ({@link #require}) before calling a service.
 */
enum BackOfficeAction {
    DECIDE_APPLICATION(OperatorRole.ADMIN, OperatorRole.REVIEWER),
    CREATE_MERCHANT(OperatorRole.ADMIN),
    DEPOSIT(OperatorRole.ADMIN),
    MANAGE_API_KEYS(OperatorRole.ADMIN),
    INVITE_USER(OperatorRole.ADMIN),
    RESET_PASSWORD(OperatorRole.ADMIN),
    RETRY_JOB(OperatorRole.ADMIN);

    private final Set<OperatorRole> roles;

    BackOfficeAction(OperatorRole... roles) {
        this.roles = Set.of(roles);
    }

    boolean allows(PortalUser user) {
        return user != null && roles.stream().anyMatch(role -> role.wire().equals(user.role()));
    }

    void require(PortalUser user) {
        if (!allows(user)) {
            throw new Forbidden(this);
        }
    }

    /** A POST of an action the user's role does not allow: answered 403 with the "not allowed" page. */
    static final class Forbidden extends RuntimeException {
        Forbidden(BackOfficeAction action) {
            super("The user's role does not allow " + action);
        }
    }
}
