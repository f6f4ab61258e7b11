package herald.agents;

import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.inbox.Inbox;
import herald.inbox.InboxComment;
import herald.inbox.InboxCommentId;
import herald.inbox.ReplyRefused;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an agent may do with the workspace's inbox: list the comments under a granted account's posts (COMMENT_READ on
 * it), and answer one as the account or mark it done (COMMENT_REPLY on the account it was written to). Every call is audited like a
 * post; the answer itself is the inbox's, so it is held to the same rules and audited as {@code inbox.replied} with
 * the agent as the actor.
 */
@Component
public class AgentInbox {

    /** The most comments of a page; a listing may ask for one more, to tell whether there is a next page. */
    public static final int MAX_LIMIT = 100;

    private final AgentCalls calls;
    private final Grants grants;
    private final Inbox inbox;

    AgentInbox(AgentCalls calls, Grants grants, Inbox inbox) {
        this.calls = calls;
        this.grants = grants;
        this.inbox = inbox;
    }

    /**
     * The comments under {@code connection}'s posts, newest first: {@code limit} of them after {@code after}, the
     * previous page's last (null for the first page).
     *
     * @throws NotFound when the agent was not granted the account
     * @throws MissingCapability when its grant lacks COMMENT_READ
     */
    public List<InboxComment> comments(
            AgentPrincipal caller,
            Channel channel,
            ConnectionId connection,
            Inbox.Status status,
            Keyset.@Nullable After after,
            int limit) {
        if (limit < 1 || limit > MAX_LIMIT + 1) {
            throw new InvalidInput("limit", "The limit is 1 to " + MAX_LIMIT + ".");
        }
        return calls.run(caller, channel, "inbox.list", () -> {
            Grant grant = calls.requireGrant(caller, channel, connection, Capability.COMMENT_READ, "inbox.list");
            List<InboxComment> found =
                    inbox.list(caller.workspace(), new Inbox.Query(status, connection, after, limit));
            calls.record(
                    caller,
                    channel,
                    "inbox.list",
                    Map.of(
                            "outcome",
                            "ok",
                            "grant",
                            grant.id().toString(),
                            "connection",
                            connection.toString(),
                            "comments",
                            "" + found.size()));
            return found;
        });
    }

    /**
     * Answers a comment as the account it was written to ({@link Inbox#reply}), given the agent's grant on that
     * account carries COMMENT_REPLY.
     *
     * @throws NotFound when the workspace has no such comment or it is under an account the agent was not granted
     * @throws MissingCapability when that grant lacks COMMENT_REPLY
     * @throws InvalidInput, Conflict, ReplyRefused as {@link Inbox#reply} does
     */
    public InboxComment answer(AgentPrincipal caller, Channel channel, InboxCommentId id, @Nullable String text) {
        return calls.run(caller, channel, "inbox.reply", () -> {
            Grant grant = replyGrant(caller, channel, id, "inbox.reply");
            Map<String, String> details = new LinkedHashMap<>();
            details.put("grant", grant.id().toString());
            details.put("connection", grant.connection().toString());
            details.put("comment", id.toString());
            try {
                InboxComment answered = inbox.reply(caller.workspace(), id, text);
                details.put("outcome", "ok");
                calls.record(caller, channel, "inbox.reply", details);
                return answered;
            } catch (InvalidInput | Conflict | ReplyRefused e) {
                details.put(
                        "outcome",
                        switch (e) {
                            case InvalidInput invalid -> "invalid";
                            case Conflict conflict -> "conflict";
                            default -> "reply_refused";
                        });
                if (e instanceof ReplyRefused refused) {
                    details.put("reason", refused.reason());
                }
                calls.record(caller, channel, "inbox.reply", details);
                throw e;
            }
        });
    }

    /**
     * Marks a comment done (nothing to answer) or opens it again ({@link Inbox#setDone}), given the agent's grant on
     * the account it was written to carries COMMENT_REPLY: deciding that a comment needs no answer is part of
     * answering. Idempotent, as for a person.
     *
     * @throws NotFound when the workspace has no such comment or it is under an account the agent was not granted
     * @throws MissingCapability when that grant lacks COMMENT_REPLY
     */
    public InboxComment setDone(AgentPrincipal caller, Channel channel, InboxCommentId id, boolean done) {
        String call = done ? "inbox.done" : "inbox.reopen";
        return calls.run(caller, channel, call, () -> {
            Grant grant = replyGrant(caller, channel, id, call);
            InboxComment changed = inbox.setDone(caller.workspace(), id, done);
            calls.record(
                    caller,
                    channel,
                    call,
                    Map.of(
                            "outcome",
                            "ok",
                            "grant",
                            grant.id().toString(),
                            "connection",
                            grant.connection().toString(),
                            "comment",
                            id.toString()));
            return changed;
        });
    }

    /**
     * The grant that lets the agent answer the comment (or mark it done); a comment it may not see is not found, as if
     * it were none.
     */
    private Grant replyGrant(AgentPrincipal caller, Channel channel, InboxCommentId id, String call) {
        NotFound missing = new NotFound("This agent has no comment " + id + " in its accounts' inbox.");
        Optional<InboxComment> comment;
        try {
            comment = Optional.of(inbox.require(caller.workspace(), id));
        } catch (NotFound e) {
            comment = Optional.empty();
        }
        Optional<Grant> grant = comment.flatMap(c -> grants.find(caller.workspace(), caller.agent(), c.connection()));
        if (grant.isEmpty()) {
            calls.record(caller, channel, call, Map.of("outcome", "not_found", "comment", id.toString()));
            throw missing;
        }
        if (!grant.get().allows(Capability.COMMENT_REPLY)) {
            calls.record(
                    caller,
                    channel,
                    call,
                    Map.of(
                            "outcome",
                            "no_permission",
                            "comment",
                            id.toString(),
                            "connection",
                            grant.get().connection().toString()));
            throw new MissingCapability(
                    Capability.COMMENT_REPLY,
                    "The grant on the account this comment was written to does not include COMMENT_REPLY. Ask a"
                            + " workspace admin to add it.");
        }
        return grant.get();
    }
}
