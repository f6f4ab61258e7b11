package herald.web.api.agent;

import herald.agents.AgentAccount;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account the agent may post to, as the agent API answers it (and the MCP tools, as structured content). */
public record Account(
        UUID connectionId,
        String platform,
        String name,
        String username,
        String status,
        List<String> capabilities,
        boolean requiresApproval,
        @Nullable Integer dailyCap,
        @Nullable Integer postsLeftToday) {

    public static Account of(AgentAccount a) {
        return new Account(
                a.connection().value(),
                a.platform(),
                a.name(),
                a.username(),
                a.status(),
                a.capabilities().stream().map(Enum::name).sorted().toList(),
                a.requiresApproval(),
                a.dailyCap(),
                a.postsLeftToday());
    }
}
