package herald.connections;

import herald.audit.Actor;
import java.util.Objects;

/** Who started a connect: a signed-in person (the UI flow) or an API key (the API flow). */
public record Initiator(Type type, String id, String label) {

    public enum Type {
        USER,
        API_KEY
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

    Actor actor() {
        return new Actor(type == Type.USER ? Actor.Type.USER : Actor.Type.API_KEY, id, label);
    }

    String column() {
        return type == Type.USER ? "user" : "api_key";
    }

    static Type ofColumn(String value) {
        return "user".equals(value) ? Type.USER : Type.API_KEY;
    }
}
