/**
 * Workspaces, plans and their limits, memberships and roles, invitations, and sign-up: who belongs to which tenant,
 * and with what rights.
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit", "identity"})
@NullMarked
package herald.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
