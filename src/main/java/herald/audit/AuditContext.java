package herald.audit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting and from where, for the current request or job. Bound at the edge (after authentication) so that
 * modules record audit entries without passing the actor, address and user agent through every call.
 */
public final class AuditContext {

    private static final ThreadLocal<@Nullable Origin> current = new ThreadLocal<>();

    private AuditContext() {}

    /** The actor and the network origin of an action. */
    public record Origin(Actor actor, @Nullable String ip, @Nullable String userAgent) {}

    public static Optional<Origin> current() {
        return Optional.ofNullable(current.get());
    }

    /** Who is acting now: the bound origin's actor, or Herald itself when nobody is bound. */
    public static Actor actor() {
        Origin origin = current.get();
        return origin == null ? Actor.system() : origin.actor();
    }

    public static Binding bind(Origin origin) {
        Origin previous = current.get();
        current.set(origin);
        return () -> {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        };
    }

    /** Restores the previous origin when closed. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
