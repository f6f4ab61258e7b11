package herald.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The one place in Java where the tenant setting is made: at the start of every transaction, after auto-commit is off,
 * so {@code set_config(..., true)} lasts exactly as long as the transaction and a pooled connection never carries it on.
 * The only other place is SQL: {@code herald_complete_target} (V116), a publish outcome sent in auto-commit, sets it for
 * its own one-statement transaction and refuses to run in a transaction scoped to another workspace.
 */
class TenantTransactionManager extends JdbcTransactionManager {

    TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var workspace = TenantContext.current();
        if (workspace.isPresent()) {
            try (PreparedStatement statement =
                    connection.prepareStatement("select set_config('herald.workspace_id', ?, true)")) {
                statement.setString(1, workspace.get().toString());
                statement.execute();
            }
        }
    }
}
