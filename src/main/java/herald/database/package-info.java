/**
 * The database Herald runs on: an external PostgreSQL given by {@code HERALD_DATABASE_URL}, or an embedded one started
 * in the data folder, with a migration owner role and a separate runtime role that owns nothing and cannot bypass
 * row-level security.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package herald.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
