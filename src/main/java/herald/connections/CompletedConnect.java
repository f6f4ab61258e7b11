package herald.connections;

import herald.shared.WorkspaceId;
import java.util.List;

/** A callback that stored its accounts: each new or reconnected connection of the workspace. */
public record CompletedConnect(
        WorkspaceId workspace, ConnectFlow flow, String provider, List<Connection> connections) {}
