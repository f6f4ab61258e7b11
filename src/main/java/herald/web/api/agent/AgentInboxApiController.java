package herald.web.api.agent;

import herald.agents.AgentInbox;
import herald.agents.AgentPrincipal;
import herald.agents.Channel;
import herald.inbox.InboxCommentId;
import herald.web.api.inbox.InboxCommentView;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent API's inbox: the comments under its granted accounts' posts, to read, answer, or mark done. */
@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "Agent API")
class AgentInboxApiController {

    private final AgentInbox inbox;

    AgentInboxApiController(AgentInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    @Operation(
            operationId = "agentListComments",
            summary = "List the comments under a granted account's posts",
            description = "What people wrote under the account's published posts, from the workspace's inbox, newest"
                    + " first: the open ones (neither answered nor marked done) unless status says otherwise, a page"
                    + " at a time (pass nextCursor as ?cursor= for the next). Needs COMMENT_READ on connectionId;"
                    + " an account this agent was not granted is a 404.")
    Page<InboxCommentView> comments(
            @AuthenticationPrincipal AgentPrincipal agent,
            @Parameter(description = "A granted account (from /accounts).") @RequestParam(required = false) @Nullable
                    UUID connectionId,
            @Parameter(description = "open (default), done or all.") @RequestParam(required = false) @Nullable
                    String status,
            @Valid PageRequest page) {
        return AgentInboxPages.page(inbox, agent, Channel.AGENT_API, connectionId, status, page);
    }

    /** An answer to a comment. */
    @Schema(name = "AgentInboxAnswer")
    record Answer(
            @Schema(description = "The answer's text, held to the platform's rules for a comment.") @Nullable
                    String text) {}

    @PostMapping("/inbox/{commentId}/reply")
    @Operation(
            operationId = "agentAnswerComment",
            summary = "Answer a comment as the account",
            description = "Needs COMMENT_REPLY on the account the comment was written to (a comment of an account this"
                    + " agent was not granted is a 404). Sent to the platform now, under the same post, answering the"
                    + " comment where the platform nests answers; answers 201 with the comment, its reply and status"
                    + " done. One answer a comment: a second is a 409. A platform that does not take it is a 502"
                    + " reply-refused problem whose reason is unknown (the answer may be there: the comment's"
                    + " uncertainAnswer shows it, and the next answer looks for it first, so it is never posted"
                    + " twice), retry (try again later) or refused (change the text).")
    ResponseEntity<InboxCommentView> answer(
            @AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID commentId, @RequestBody Answer answer) {
        var answered = inbox.answer(agent, Channel.AGENT_API, new InboxCommentId(commentId), answer.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(InboxCommentView.of(answered));
    }

    @PutMapping("/inbox/{commentId}/done")
    @Operation(
            operationId = "agentMarkCommentDone",
            summary = "Mark a comment done",
            description = "For a comment that needs no answer: it leaves the open comments, as when a person marks it"
                    + " done. Needs COMMENT_REPLY on the account the comment was written to (a comment of an account"
                    + " this agent was not granted is a 404). Idempotent.")
    InboxCommentView markDone(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID commentId) {
        return InboxCommentView.of(inbox.setDone(agent, Channel.AGENT_API, new InboxCommentId(commentId), true));
    }

    @DeleteMapping("/inbox/{commentId}/done")
    @Operation(
            operationId = "agentReopenComment",
            summary = "Open a done comment again",
            description = "Needs COMMENT_REPLY on the account the comment was written to. Idempotent. An answered"
                    + " comment keeps its reply, and cannot be answered a second time.")
    InboxCommentView reopen(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID commentId) {
        return InboxCommentView.of(inbox.setDone(agent, Channel.AGENT_API, new InboxCommentId(commentId), false));
    }
}
