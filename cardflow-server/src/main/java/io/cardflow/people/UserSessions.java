package io.cardflow.people;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's log-in sessions on every node: the sessions are in the database (Spring Session JDBC), indexed by
 * principal name, which is the user's id (portal.PortalUser#getName). A browser holding one of them is sent to the
 * log-in page at its next request.
 */
@Component
class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** How many sessions it ended. */
    int endAll(String userId) {
        var ids = sessions.findByPrincipalName(userId).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
