package herald.connections;

import herald.shared.WorkspaceId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A callback that connected nothing, with a message a person can act on. Nothing was stored: a refused callback
 * leaves no connection and no token behind.
 */
public class ConnectRefused extends RuntimeException {

    public enum Reason {
        /** No such state: forged, or purged. */
        UNKNOWN_STATE,
        EXPIRED,
        ALREADY_USED,
        /** The callback came to someone other than the person who started the connect. */
        OTHER_USER,
        /** The person who started it no longer manages that workspace. */
        NOT_PERMITTED,
        /** The person declined on the platform. */
        DENIED,
        /** The platform's answer was wrong or failed. */
        PROVIDER_FAILED,
        LIMIT_REACHED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final @Nullable ConnectFlow flow;
    private final @Nullable WorkspaceId workspace;

    public ConnectRefused(Reason reason, String message, @Nullable ConnectFlow flow, @Nullable WorkspaceId workspace) {
        super(message);
        this.reason = reason;
        this.flow = flow;
        this.workspace = workspace;
    }

    public Reason reason() {
        return reason;
    }

    /** The flow of the state, when the state was known. */
    public @Nullable ConnectFlow flow() {
        return flow;
    }

    /** The workspace of the state, when the state was known. */
    public @Nullable WorkspaceId workspace() {
        return workspace;
    }
}
