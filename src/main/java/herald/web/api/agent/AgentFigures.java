package herald.web.api.agent;

import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.analytics.Analytics;
import herald.publishing.PostId;
import herald.publishing.ShortLinkClicks;
import herald.web.api.analytics.FiguresView;
import java.util.UUID;

/** A post's figures, with its short links' clicks, for an agent, by the agent API and the MCP tool alike. */
public final class AgentFigures {

    private AgentFigures() {}

    /**
     * The figures of a post the agent may read: reading the post checks that (its own, or POST_READ on the account) and
     * audits the call, as {@code get_post} does.
     */
    public static FiguresView.Post of(
            Analytics analytics,
            ShortLinkClicks links,
            AgentReads reads,
            AgentPrincipal agent,
            Channel channel,
            UUID postId) {
        var post = reads.post(agent, channel, new PostId(postId));
        return FiguresView.Post.of(
                postId,
                analytics.ofPost(agent.workspace(), post.id()),
                links.clicksByTarget(agent.workspace(), post.id()));
    }
}
