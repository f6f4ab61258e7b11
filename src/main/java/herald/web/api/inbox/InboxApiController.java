package herald.web.api.inbox;

import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.inbox.Inbox;
import herald.inbox.InboxComment;
import herald.inbox.InboxCommentId;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/inbox")
@Tag(
        name = "Inbox",
        description = "The comments people wrote under the workspace's published posts, on the platforms whose"
                + " comments Herald reads; answered as the account, or marked done. See docs/inbox.md.")
class InboxApiController {

    static final String LISTING = "inbox";

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Schema(name = "InboxAnswer")
    record Answer(
            @Schema(description = "The answer's text, held to the platform's rules for a comment.") @Nullable
                    String text) {}

    @Schema(name = "InboxCheck")
    record Check(
            @Schema(description = "Posts read.") int read,
            @Schema(description = "Comments new to the inbox.") int found,
            @Schema(description = "Readings the platform refused; each post's error is kept.") int failed) {}

    @GetMapping
    @Operation(
            operationId = "listInbox",
            summary = "List the inbox's comments",
            description = "Newest first; the open ones unless status says otherwise.")
    Page<InboxCommentView> list(
            CurrentWorkspace current,
            @Parameter(description = "open (default), done or all.") @RequestParam(required = false) @Nullable
                    String status,
            @Parameter(description = "Only the comments under this connection's posts.")
                    @RequestParam(required = false)
                    @Nullable
                    UUID account,
            @Valid PageRequest page) {
        Inbox.Status wanted = Inbox.Status.read(status, "status");
        Keyset.After after = page.afterTimeAndId(LISTING, Keyset.After::new);
        var fetched = inbox.list(
                current.id(),
                new Inbox.Query(wanted, account == null ? null : new ConnectionId(account), after, page.fetchSize()));
        return page.pageByTimeAndId(
                fetched, InboxCommentView::of, LISTING, InboxComment::writtenAt, c -> c.id().value());
    }

    @GetMapping("/{commentId}")
    @Operation(operationId = "getInboxComment", summary = "Get a comment of the inbox")
    InboxCommentView get(CurrentWorkspace current, @PathVariable UUID commentId) {
        return InboxCommentView.of(inbox.require(current.id(), new InboxCommentId(commentId)));
    }

    @PostMapping("/{commentId}/reply")
    @Operation(
            operationId = "answerInboxComment",
            summary = "Answer a comment as the account",
            description = "Sent to the platform now, under the same post, answering the comment where the platform"
                    + " nests answers; the comment is then done. One answer a comment: a second is a 409. A platform"
                    + " that does not take it is a 502 reply-refused problem whose reason is unknown (the answer may"
                    + " be there: the comment's uncertainAnswer shows it, and the next answer looks for it first: a"
                    + " 409 when it was found, now the reply), retry or refused.")
    ResponseEntity<InboxCommentView> reply(
            CurrentWorkspace current, @PathVariable UUID commentId, @RequestBody Answer answer) {
        InboxComment answered = inbox.reply(current.id(), new InboxCommentId(commentId), answer.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(InboxCommentView.of(answered));
    }

    @PutMapping("/{commentId}/done")
    @Operation(operationId = "markInboxCommentDone", summary = "Mark a comment done", description = "Idempotent.")
    InboxCommentView done(CurrentWorkspace current, @PathVariable UUID commentId) {
        return InboxCommentView.of(inbox.setDone(current.id(), new InboxCommentId(commentId), true));
    }

    @DeleteMapping("/{commentId}/done")
    @Operation(operationId = "reopenInboxComment", summary = "Open a done comment again", description = "Idempotent.")
    InboxCommentView reopen(CurrentWorkspace current, @PathVariable UUID commentId) {
        return InboxCommentView.of(inbox.setDone(current.id(), new InboxCommentId(commentId), false));
    }

    @PostMapping("/check")
    @Operation(
            operationId = "checkInbox",
            summary = "Read the recent posts' comments now",
            description = "The inbox reads by itself every few minutes; this reads the workspace's 50 most recent"
                    + " watched posts at once. At most once a minute: sooner is a 409.")
    Check check(CurrentWorkspace current) {
        Inbox.Check check = inbox.check(current.id());
        return new Check(check.read(), check.found(), check.failed());
    }
}
