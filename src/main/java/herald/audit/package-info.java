/**
 * The append-only, hash-chained audit log. Every module records through {@link herald.audit.AuditLog}; the runtime
 * role may only insert, and {@link herald.audit.AuditLog#verify} finds any edit, deletion, insertion or reordering.
 */
@ApplicationModule(allowedDependencies = {"shared", "database"})
@NullMarked
package herald.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
