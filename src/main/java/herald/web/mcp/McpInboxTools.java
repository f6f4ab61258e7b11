package herald.web.mcp;

import herald.agents.AgentInbox;
import herald.agents.Channel;
import herald.inbox.InboxCommentId;
import herald.shared.InvalidInput;
import herald.web.api.agent.AgentInboxPages;
import herald.web.api.inbox.InboxCommentView;
import herald.web.api.paging.PageRequest;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The inbox's MCP tools: list_comments, answer_comment and mark_comment_done, the agent REST API's inbox calls through
 * {@link AgentInbox}.
 */
final class McpInboxTools {

    private final AgentInbox inbox;
    private final McpToolCalls calls;

    McpInboxTools(AgentInbox inbox, McpToolCalls calls) {
        this.inbox = inbox;
        this.calls = calls;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                calls.tool(
                        "list_comments",
                        "List comments",
                        "Lists the comments people wrote under the published posts of one granted account (needs"
                                + " COMMENT_READ on it), from the company's inbox, newest first: each with its id"
                                + " (the commentId answer_comment takes), the author, the text, the post it is under (postId, postText, postUrl),"
                                + " 'answering' when it answers another comment, and its status: open (nobody"
                                + " answered it or marked it done) or done (with the reply, when it was answered)."
                                + " status chooses open (the default), done or all; nextCursor, when set, gets the"
                                + " next page. Herald reads new comments every few minutes on the platforms it reads"
                                + " comments from (Sandbox, Mastodon, Bluesky), so a comment written a minute ago may"
                                + " not be listed yet.",
                        McpSchemas.LIST_COMMENTS,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> {
                            var query = calls.arguments(args, CommentListArguments.class);
                            return AgentInboxPages.page( // {"items": [...], "nextCursor"}, as the REST listing
                                    inbox,
                                    agent,
                                    Channel.MCP,
                                    query.connectionId(),
                                    query.status(),
                                    new PageRequest(query.limit() == null ? 20 : query.limit(), query.cursor()));
                        }),
                calls.tool(
                        "answer_comment",
                        "Answer a comment",
                        "Answers one comment from list_comments publicly, as the account it was written to, under"
                                + " the same post (as a reply to the comment where the platform nests replies); needs"
                                + " COMMENT_REPLY on that account. The answer goes out at once; answers with the"
                                + " comment, now done, and its reply. One answer per comment: a comment answered"
                                + " already (by you or a person) is refused; list_comments with status open shows"
                                + " what is left. The text must fit the platform's rules for a comment, or the"
                                + " error says what to change. When the platform does not take it the error names a"
                                + " reason: retry (it could not now: try later), refused (it said no to this text),"
                                + " or unknown (no answer in time: the answer may be posted; answering again first"
                                + " looks for it, and says so when it was there, so it is never posted twice).",
                        McpSchemas.ANSWER_COMMENT,
                        McpToolCalls.Effect.WRITE,
                        (agent, args) -> {
                            var answer = calls.arguments(args, AnswerArguments.class);
                            if (answer.commentId() == null) {
                                throw new InvalidInput("commentId", "Give the commentId from list_comments.");
                            }
                            return InboxCommentView.of(inbox.answer(
                                    agent, Channel.MCP, new InboxCommentId(answer.commentId()), answer.text()));
                        }),
                calls.tool(
                        "mark_comment_done",
                        "Mark a comment done",
                        "Marks one comment from list_comments done when it needs no answer (a thank-you, spam,"
                                + " something a person handles elsewhere): it leaves the open comments, for you and"
                                + " for the company's people, as when a person marks it done. done: false opens it"
                                + " again. Needs COMMENT_REPLY on the account it was written to. Answers with the"
                                + " comment and its status; doing it twice changes nothing.",
                        McpSchemas.MARK_COMMENT_DONE,
                        McpToolCalls.Effect.WRITE,
                        (agent, args) -> {
                            var mark = calls.arguments(args, DoneArguments.class);
                            if (mark.commentId() == null) {
                                throw new InvalidInput("commentId", "Give the commentId from list_comments.");
                            }
                            return InboxCommentView.of(inbox.setDone(
                                    agent,
                                    Channel.MCP,
                                    new InboxCommentId(mark.commentId()),
                                    mark.done() == null || mark.done()));
                        }));
    }

    record CommentListArguments(
            @Nullable UUID connectionId, @Nullable String status, @Nullable Integer limit, @Nullable String cursor) {}

    record AnswerArguments(@Nullable UUID commentId, @Nullable String text) {}

    record DoneArguments(@Nullable UUID commentId, @Nullable Boolean done) {}
}
