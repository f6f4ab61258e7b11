/**
 * Workspaces, plans and their limits, memberships and roles, invitations, and sign-up: who belongs to which tenant,
 * and with what rights.
 */
@NullMarked
package herald.tenancy;

import org.jspecify.annotations.NullMarked;
