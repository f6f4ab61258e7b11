package herald.connections;

import herald.shared.WorkspaceId;
import java.time.Instant;

/** The platform refused a connection's refresh: nothing can be published through it until a person reconnects. */
public record ConnectionNeedsReconnect(
        WorkspaceId workspace, ConnectionId connection, String provider, String reason, Instant at) {}
