package herald.agents;

import herald.connections.ConnectionId;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Provenance;
import herald.publishing.RepeatPolicy;
import herald.shared.LimitReached;
import herald.shared.NotPermitted;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An agent's repeating post goes on only as the agent could post it itself: each next post is the agent's (in its
 * list of posts, counted against its grant's daily cap on the day it is made, waiting for approval when the grant
 * says so), and the series ends, saying why, once the agent is paused or deleted or its grant on the account is taken
 * away or no longer lets it schedule posts.
 */
@Component
class AgentRepeats implements RepeatPolicy {

    private final Agents agents;
    private final Grants grants;
    private final AgentPostLog log;
    private final Workspaces workspaces;

    AgentRepeats(Agents agents, Grants grants, AgentPostLog log, Workspaces workspaces) {
        this.agents = agents;
        this.grants = grants;
        this.log = log;
        this.workspaces = workspaces;
    }

    @Override
    public @Nullable Occurrence admit(WorkspaceId workspace, Post latest, Instant now) {
        Provenance by = latest.provenance();
        if (by == null || !"agent".equals(by.actorType()) || by.actorId() == null) {
            return null;
        }
        AgentId id = new AgentId(UUID.fromString(by.actorId()));
        Agent agent = agents.find(workspace, id)
                .orElseThrow(() -> new NotPermitted("the agent that set it to repeat was deleted."));
        if (agent.paused()) {
            throw new NotPermitted("the agent " + agent.name() + " is paused.");
        }
        ConnectionId account = latest.targets().getFirst().connection();
        String name = latest.targets().getFirst().account();
        Grant grant = grants.find(workspace, id, account)
                .orElseThrow(
                        () -> new NotPermitted("the agent " + agent.name() + " is no longer granted " + name + "."));
        if (!grant.allows(Capability.POST_SCHEDULE)) {
            throw new NotPermitted("the agent " + agent.name() + "'s grant on " + name
                    + " no longer allows POST_SCHEDULE (posting later).");
        }
        ZoneId zone = workspaces.require(workspace).timezone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Channel channel = by.origin() == Provenance.Origin.MCP ? Channel.MCP : Channel.AGENT_API;
        UUID reservation = log.reserve(
                        workspace, id, grant, channel, today.atStartOfDay(zone).toInstant(), now)
                .orElseThrow(() -> new LimitReached(
                        "agent_daily_cap",
                        "the agent " + agent.name() + " may post " + grant.dailyCap() + " times a day to " + name
                                + " and has today (" + today + ")."));
        return new Occurrence() {
            @Override
            public Provenance by() {
                return by;
            }

            @Override
            public boolean awaitingApproval() {
                return grant.requiresApproval();
            }

            @Override
            public void made(PostId post) {
                log.attach(workspace, reservation, post, grant.requiresApproval());
            }

            @Override
            public void notMade() {
                log.discard(workspace, reservation);
            }
        };
    }
}
