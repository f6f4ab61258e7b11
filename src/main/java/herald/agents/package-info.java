/**
 * Agents: programs that post as the workspace with its tokens (and read and answer its inbox), each with its own keys,
 * its grants (connection × capabilities, possibly behind a member's approval and a daily cap), and the use cases they
 * call through the agent REST API and the MCP server, every call checked against a grant and audited. See
 * docs/adr/0009.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "tenancy",
            "providers",
            "connections",
            "publishing",
            "assets",
            "inbox"
        })
@NullMarked
package herald.agents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
