package herald.connections;

import herald.audit.Actor;
import java.util.Objects;

/**
 * Who started a connect: a signed-in person (the UI flow), an API key (the API flow), or Herald itself (the demo
 * workspaces' accounts, connected at start-up through the same flow).
 */
public record Initiator(Type type, String id, String label) {

    public enum Type {
        USER,
        API_KEY,
        SYSTEM
    }

    public Initiator {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
    }

    public static Initiator user(String userId, String label) {
        return new Initiator(Type.USER, userId, label);
    }

    public static Initiator apiKey(String keyId, String label) {
        return new Initiator(Type.API_KEY, keyId, label);
    }

    /** Herald itself, doing {@code what} (e.g. "demo data"). */
    public static Initiator system(String what) {
        return new Initiator(Type.SYSTEM, "herald", what);
    }

    Actor actor() {
        return switch (type) {
            case USER -> new Actor(Actor.Type.USER, id, label);
            case API_KEY -> new Actor(Actor.Type.API_KEY, id, label);
            case SYSTEM -> new Actor(Actor.Type.SYSTEM, null, label);
        };
    }

    String column() {
        return switch (type) {
            case USER -> "user";
            case API_KEY -> "api_key";
            case SYSTEM -> "system";
        };
    }

    static Type ofColumn(String value) {
        return switch (value) {
            case "user" -> Type.USER;
            case "system" -> Type.SYSTEM;
            default -> Type.API_KEY;
        };
    }
}
