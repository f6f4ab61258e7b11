package herald.publishing;

import herald.audit.Actor;
import herald.audit.AuditContext;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a post was created and by whom.
 *
 * @param origin the way in: {@code ui}, {@code api} (a member's API key), {@code agent_api} (an agent's REST call),
 *     {@code mcp} (an agent's MCP tool call), {@code system} (Herald itself)
 * @param actorType {@code user}, {@code api_key}, {@code agent}, {@code system} or {@code operator}
 * @param actorId the member's, key's or agent's id
 * @param actorLabel how the actor is shown: an e-mail, a key's name and prefix, an agent's name and key prefix
 */
public record Provenance(Origin origin, String actorType, @Nullable String actorId, @Nullable String actorLabel) {

    /** The way a post came in. */
    public enum Origin {
        UI,
        API,
        AGENT_API,
        MCP,
        SYSTEM;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Origin of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The provenance of whoever is acting in {@link AuditContext}: a member in the UI, a key in the API. */
    public static Provenance ofCurrentActor() {
        Actor actor = AuditContext.actor();
        Origin origin =
                switch (actor.type()) {
                    case USER, REVIEWER -> Origin.UI;
                    case API_KEY -> Origin.API;
                    case AGENT -> Origin.AGENT_API;
                    case SYSTEM, OPERATOR -> Origin.SYSTEM;
                };
        return of(origin, actor);
    }

    /** Who it was, as the audit log names actors. */
    public Actor actor() {
        return new Actor(Actor.Type.valueOf(actorType.toUpperCase(Locale.ROOT)), actorId, actorLabel);
    }

    public static Provenance of(Origin origin, Actor actor) {
        return new Provenance(origin, actor.type().value(), actor.id(), actor.label());
    }
}
