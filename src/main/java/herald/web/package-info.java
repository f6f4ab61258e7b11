/**
 * The edge of Herald: the security chains, the web UI (shell and pages) and the REST API with its conventions
 * (problem documents, pagination, idempotency, rate limits). All HTTP adapters live here, so the domain modules form a
 * DAG and know nothing of HTTP; see docs/adr/0002.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "identity",
            "tenancy",
            "vault",
            "providers",
            "connections",
            "assets",
            "publishing",
            "agents",
            "content",
            "webhooks",
            "reviews",
            "analytics",
            "notifications",
            "feeds",
            "links",
            "inbox"
        })
@NullMarked
package herald.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
