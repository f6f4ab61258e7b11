/**
 * Posts and their targets (one per chosen connection): validation against each platform's rules, scheduling in the
 * author's time zone, the durable per-target dispatch with retries, reconciliation and fencing (effectively once, see
 * docs/adr/0008), quotas and history. The API is {@link herald.publishing.Posts}.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "tenancy",
            "providers",
            "connections",
            "assets",
            "vault",
            "links"
        })
@NullMarked
package herald.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
