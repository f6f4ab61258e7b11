package herald.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a person, an API key, an agent, Herald itself, the operator, or a client reviewing through a
 * review link (its id is the link's).
 */
public record Actor(Type type, @Nullable String id, @Nullable String label) {

    public enum Type {
        USER,
        API_KEY,
        AGENT,
        SYSTEM,
        OPERATOR,
        REVIEWER;

        /** How APIs, logs and stored rows name it: {@code user}, {@code api_key}, {@code agent}, ... */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String column() {
            return value();
        }

        static Type ofColumn(String value) {
            return valueOf(value.toUpperCase());
        }
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, null, "Herald");
    }

    public static Actor operator() {
        return new Actor(Type.OPERATOR, null, "operator");
    }
}
