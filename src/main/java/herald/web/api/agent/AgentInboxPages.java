package herald.web.api.agent;

import herald.agents.AgentInbox;
import herald.agents.AgentPrincipal;
import herald.agents.Channel;
import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.inbox.Inbox;
import herald.inbox.InboxComment;
import herald.shared.InvalidInput;
import herald.web.api.inbox.InboxCommentView;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page of the comments under one granted account's posts, for the REST listing and the MCP tool alike, newest first
 * as the workspace's inbox lists them.
 */
public final class AgentInboxPages {

    static final String LISTING = "agent-inbox";

    private AgentInboxPages() {}

    public static Page<InboxCommentView> page(
            AgentInbox inbox,
            AgentPrincipal agent,
            Channel channel,
            @Nullable UUID connectionId,
            @Nullable String status,
            PageRequest page) {
        if (connectionId == null) {
            throw new InvalidInput(
                    "connectionId", "Give the connectionId of a granted account with COMMENT_READ (see accounts).");
        }
        if (page.size() > AgentInbox.MAX_LIMIT) { // size() refuses one below 1
            throw new InvalidInput("limit", "The limit is 1 to " + AgentInbox.MAX_LIMIT + ".");
        }
        Inbox.Status wanted = Inbox.Status.read(status, "status");
        Keyset.After after = page.afterTimeAndId(LISTING, Keyset.After::new);
        var found = inbox.comments(agent, channel, new ConnectionId(connectionId), wanted, after, page.fetchSize());
        return page.pageByTimeAndId(found, InboxCommentView::of, LISTING, InboxComment::writtenAt, c -> c.id().value());
    }
}
