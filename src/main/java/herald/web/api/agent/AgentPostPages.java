package herald.web.api.agent;

import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * A page of an agent's posts, for the REST listing and the MCP tool alike: its own posts, or with a connection every
 * post of that account. The two listings order by different times (created, or due), so each has its own cursors, and
 * a cursor of one is refused by the other.
 */
public final class AgentPostPages {

    private AgentPostPages() {}

    public static Page<AgentPost> page(
            AgentReads reads,
            AgentPrincipal agent,
            Channel channel,
            @Nullable ConnectionId connection,
            PageRequest page) {
        String listing = connection == null ? "agent-posts" : "agent-account-posts";
        AgentReads.Position after =
                page.afterTimeAndId(listing, (time, id) -> new AgentReads.Position(time, new PostId(id)));
        var found = reads.posts(agent, channel, connection, after, page.fetchSize());
        return page.pageByTimeAndId(
                found,
                listed -> AgentPost.of(listed.post()),
                listing,
                listed -> listed.position().at(),
                listed -> listed.position().post());
    }
}
