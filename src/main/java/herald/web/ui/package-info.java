/**
 * The browser UI: server-rendered pages (Thymeleaf) enhanced with htmx, for signing up and in, switching workspaces,
 * members and invitations, API keys, the audit log and settings. Controllers stay thin; the rules live in the domain
 * services they call.
 */
@NullMarked
package herald.web.ui;

import org.jspecify.annotations.NullMarked;
