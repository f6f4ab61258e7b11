package herald.web.api.agent;

import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.analytics.Analytics;
import herald.analytics.TargetMetrics;
import herald.publishing.PostId;
import java.util.List;
import java.util.UUID;

/** A post's figures for an agent, by the agent API and the MCP tool alike. */
public final class AgentFigures {

    private AgentFigures() {}

    /**
     * The figures of a post the agent may read: reading the post checks that (its own, or POST_READ on the account) and
     * audits the call, as {@code get_post} does.
     */
    public static List<TargetMetrics> of(
            Analytics analytics, AgentReads reads, AgentPrincipal agent, Channel channel, UUID postId) {
        var post = reads.post(agent, channel, new PostId(postId));
        return analytics.ofPost(agent.workspace(), post.id());
    }
}
