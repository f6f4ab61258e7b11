package herald.web.api.agents;

import herald.agents.Agent;
import herald.agents.AgentKey;
import herald.agents.Grant;
import herald.agents.IssuedAgentKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

final class AgentViews {

    private AgentViews() {}

    record AgentView(
            UUID id,
            String name,
            String description,
            @Schema(allowableValues = {"active", "paused"}) String status,
            @Nullable UUID ownerId,
            Instant createdAt,
            List<KeyView> keys,
            List<GrantView> grants) {

        static AgentView of(Agent agent, List<AgentKey> keys, List<Grant> grants) {
            return new AgentView(
                    agent.id().value(),
                    agent.name(),
                    agent.description(),
                    agent.status(),
                    agent.owner() == null ? null : agent.owner().value(),
                    agent.createdAt(),
                    keys.stream().map(KeyView::of).toList(),
                    grants.stream().map(GrantView::of).toList());
        }
    }

    record KeyView(
            UUID id, String prefix, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

        static KeyView of(AgentKey key) {
            return new KeyView(key.id().value(), key.prefix(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
        }
    }

    /** A key just created: its token is in this response only. */
    record NewKeyView(
            UUID id,
            String prefix,
            @Schema(description = "The agent's secret, shown once. Send it as 'Authorization: Bearer <token>'.")
                    @Nullable
                    String token) {

        static NewKeyView of(IssuedAgentKey issued) {
            return new NewKeyView(issued.key().id().value(), issued.key().prefix(), issued.token());
        }

        @Override
        public String toString() {
            return "NewKeyView[id=" + id + ", prefix=" + prefix + ", token=<hidden>]";
        }
    }

    record NewAgentView(UUID id, String name, String description, String status, NewKeyView key) {}

    record GrantView(
            UUID id,
            UUID connectionId,
            List<String> capabilities,
            boolean requiresApproval,
            @Nullable Integer dailyCap,
            Instant updatedAt) {

        static GrantView of(Grant grant) {
            return new GrantView(
                    grant.id().value(),
                    grant.connection().value(),
                    grant.capabilities().stream().map(Enum::name).sorted().toList(),
                    grant.requiresApproval(),
                    grant.dailyCap(),
                    grant.updatedAt());
        }
    }
}
