/**
 * Workspaces, plans and their limits, memberships and roles, invitations, and the tenant scope: the row-level
 * security plumbing every tenant transaction goes through.
 */
@NullMarked
package herald.tenancy;

import org.jspecify.annotations.NullMarked;
