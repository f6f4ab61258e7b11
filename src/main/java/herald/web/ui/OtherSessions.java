package herald.web.ui;

import herald.identity.OtherSessionsEnded;
import herald.identity.RequestOrigin;
import herald.identity.SignedInUser;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's other signed-in browsers, found in Spring Session's table by the principal name it indexes (the e-mail a
 * {@link SignedInUser} is named by): counted for the account page, and ended when they ask, so a lost laptop or a
 * shared computer is signed out from anywhere.
 */
@Component
class OtherSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;

    OtherSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** How many sessions of this person there are besides {@code current}. */
    int count(SignedInUser user, String current) {
        return others(user, current).size();
    }

    /** Ends every session of this person but {@code current}; how many it ended (recorded in the audit log). */
    int end(SignedInUser user, String current, RequestOrigin origin) {
        Set<String> others = others(user, current);
        others.forEach(sessions::deleteById);
        events.publishEvent(new OtherSessionsEnded(user.id(), user.email(), origin, others.size()));
        return others.size();
    }

    private Set<String> others(SignedInUser user, String current) {
        var ids = new java.util.HashSet<>(
                sessions.findByPrincipalName(user.email()).keySet());
        ids.remove(current);
        return ids;
    }
}
