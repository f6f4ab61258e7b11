package herald.connections;

/**
 * A connection's token was asked for, but the connection needs a reconnect or was disconnected: a person must act
 * before Herald can use the account again. The message says which and why.
 */
public class ConnectionNotActive extends RuntimeException {

    private final ConnectionId connection;
    private final ConnectionStatus status;

    public ConnectionNotActive(ConnectionId connection, ConnectionStatus status, String message) {
        super(message);
        this.connection = connection;
        this.status = status;
    }

    public ConnectionId connection() {
        return connection;
    }

    public ConnectionStatus status() {
        return status;
    }
}
