/**
 * The database Herald runs on and the tenant scope every module works in: an external PostgreSQL given by
 * {@code HERALD_DATABASE_URL} or an embedded one in the data folder, a migration owner role and a runtime role that
 * owns nothing and cannot bypass row-level security, and the transaction-local {@code herald.workspace_id} setting.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package herald.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
