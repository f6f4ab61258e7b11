package herald.web.api.agent;

import herald.agents.AgentCancellation;
import herald.agents.AgentPosting;
import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.analytics.Analytics;
import herald.connections.ConnectionId;
import herald.content.Captions;
import herald.publishing.PostId;
import herald.publishing.PostRepeats;
import herald.publishing.ShortLinkClicks;
import herald.shared.InvalidInput;
import herald.web.api.analytics.FiguresView;
import herald.web.api.captions.CaptionView;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.problems.ApiProblems;
import herald.web.api.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agent")
@Tag(
        name = "Agent API",
        description = "For agents, with the agent's own key (ha_...) as 'Authorization: Bearer <key>'. An agent posts"
                + " only to the accounts it was granted, with the capabilities granted; some grants hold posts for a"
                + " member's approval. The same calls are MCP tools at /mcp.")
class AgentApiController {

    private final AgentPosting posting;
    private final AgentCancellation cancellation;
    private final AgentReads reads;
    private final Captions captions;
    private final Analytics analytics;
    private final ShortLinkClicks shortLinks;
    private final PostRepeats repeats;

    AgentApiController(
            AgentPosting posting,
            AgentCancellation cancellation,
            AgentReads reads,
            Captions captions,
            Analytics analytics,
            ShortLinkClicks shortLinks,
            PostRepeats repeats) {
        this.shortLinks = shortLinks;
        this.repeats = repeats;
        this.posting = posting;
        this.cancellation = cancellation;
        this.reads = reads;
        this.captions = captions;
        this.analytics = analytics;
    }

    @PostMapping("/posts")
    @Operation(
            operationId = "agentCreatePost",
            summary = "Post to granted accounts",
            description = "One post per account, each validated against its platform's rules and counted against the"
                    + " plan's and the grant's daily limits. Answers 201 with one result per account: status"
                    + " pending_approval (a member must approve it), scheduled (due at scheduledAt, or now: the"
                    + " dispatcher publishes it within seconds), publishing or published (with its url); or an error"
                    + " (not_connected, no_permission, quota_exceeded, invalid_content) with a detail saying what to"
                    + " change. When no account got a post the answer is 422 with the same results.")
    @ResponseStatus(HttpStatus.CREATED)
    Results create(@AuthenticationPrincipal AgentPrincipal agent, @RequestBody AgentPostBody body) {
        var results = Results.of(posting.post(agent, Channel.AGENT_API, body.toRequest()));
        if (results.created() == 0) {
            throw new NothingCreated(results);
        }
        return results;
    }

    /** No account got a post: answered as 422 carrying every account's result. */
    static final class NothingCreated extends RuntimeException {
        private final transient Results results;

        NothingCreated(Results results) {
            super("No account got a post; each result says why and what to change.");
            this.results = results;
        }
    }

    @ExceptionHandler(NothingCreated.class)
    ResponseEntity<ProblemDetail> nothingCreated(NothingCreated e) {
        ProblemDetail problem = ProblemType.AGENT_POST_REFUSED.problem(e.getMessage());
        problem.setProperty("results", e.results.results());
        return ApiProblems.respond(problem);
    }

    @GetMapping("/posts")
    @Operation(
            operationId = "agentListPosts",
            summary = "List this agent's posts",
            description = "Newest first, with each account's status and URL, a page at a time (pass nextCursor as"
                    + " ?cursor= for the next). With connectionId: every post of that account, newest due first"
                    + " (needs POST_READ on it).")
    Page<AgentPost> posts(
            @AuthenticationPrincipal AgentPrincipal agent,
            @RequestParam(required = false) @Nullable UUID connectionId,
            @Valid PageRequest page) {
        return AgentPostPages.page(
                reads, agent, Channel.AGENT_API, connectionId == null ? null : new ConnectionId(connectionId), page);
    }

    @GetMapping("/posts/{postId}")
    @Operation(operationId = "agentGetPost", summary = "Get a post and its status per account")
    AgentPost post(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId) {
        return AgentPost.of(reads.post(agent, Channel.AGENT_API, new PostId(postId)), repeats);
    }

    @GetMapping("/posts/{postId}/figures")
    @Operation(
            operationId = "agentGetPostFigures",
            summary = "How a post did",
            description = "Per published account: the platform's counts (views, likes, comments, shares...), read by"
                    + " Herald an hour, six hours, a day, three days, a week and a month after publishing; no counts"
                    + " in the first hour. For a post this agent created, or of an account it has POST_READ on.")
    FiguresView.Post figures(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId) {
        return AgentFigures.of(analytics, shortLinks, reads, agent, Channel.AGENT_API, postId);
    }

    @PostMapping("/posts/{postId}/cancel")
    @Operation(
            operationId = "agentCancelPost",
            summary = "Cancel a post this agent created",
            description = "Before it starts publishing (pending_approval, scheduled or draft): no account gets it."
                    + " Answers with the post, now cancelled; 404 for a post this agent did not create, 409 once it"
                    + " is publishing or finished.")
    AgentPost cancel(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId) {
        return AgentPost.of(cancellation.cancel(agent, Channel.AGENT_API, new PostId(postId)), repeats);
    }

    @PostMapping("/posts/{postId}/stop-repeating")
    @Operation(
            operationId = "agentStopRepeating",
            summary = "Stop a repeating post this agent created",
            description = "No post is made after the latest of its series; that one stays as it is (cancel it to skip"
                    + " it). Answers with the post, its repeat ended; 404 for a post this agent did not create, 409"
                    + " when it does not repeat or its series already ended.")
    AgentPost stopRepeating(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId) {
        return AgentPost.of(cancellation.stopRepeating(agent, Channel.AGENT_API, new PostId(postId)), repeats);
    }

    /** A coming day of a series. */
    record SkipDay(
            @Schema(description = "A local day the series posts on, e.g. 2026-12-24.") @Nullable LocalDate date) {}

    @PostMapping("/posts/{postId}/repeat/skips")
    @Operation(
            operationId = "agentSkipRepeatDay",
            summary = "Skip one coming day of a repeating post this agent created",
            description = "No post is made that day; the series goes on with the next (a holiday, a closed kitchen)."
                    + " Any post of the series names it. Answers with the post, the day in repeat.skipped; 400 for a"
                    + " day the series does not post on in the coming year, 404 for a post this agent did not create,"
                    + " 409 when it does not repeat or its series ended.")
    AgentPost skipDay(
            @AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId, @RequestBody SkipDay request) {
        if (request.date() == null) {
            throw new InvalidInput("date", "Give the day to skip, e.g. 2026-12-24.");
        }
        return AgentPost.of(
                cancellation.skipDay(agent, Channel.AGENT_API, new PostId(postId), request.date()), repeats);
    }

    @DeleteMapping("/posts/{postId}/repeat/skips/{date}")
    @Operation(
            operationId = "agentUnskipRepeatDay",
            summary = "Put a skipped day back into the series",
            description = "Its post is made after all. Answers with the post; 404 for a post this agent did not create,"
                    + " 409 when it does not repeat or its series ended.")
    AgentPost unskipDay(
            @AuthenticationPrincipal AgentPrincipal agent, @PathVariable UUID postId, @PathVariable LocalDate date) {
        return AgentPost.of(cancellation.unskipDay(agent, Channel.AGENT_API, new PostId(postId), date), repeats);
    }

    @GetMapping("/accounts")
    @Operation(
            operationId = "agentListAccounts",
            summary = "List the accounts this agent may use",
            description = "With the capabilities granted on each, whether posts wait for approval, and the daily cap.")
    List<Account> accounts(@AuthenticationPrincipal AgentPrincipal agent) {
        return reads.accounts(agent, Channel.AGENT_API).stream()
                .map(Account::of)
                .toList();
    }

    @GetMapping("/assets")
    @Operation(
            operationId = "agentListAssets",
            summary = "List the media library",
            description = "Newest first; 'text' searches names, alt text and descriptions, 'type' is image, video or"
                    + " a format. Needs ASSET_READ on any granted account.")
    List<MediaAsset> assets(
            @AuthenticationPrincipal AgentPrincipal agent,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "50") int limit) {
        return reads.assets(agent, Channel.AGENT_API, text, type, limit).stream()
                .map(MediaAsset::of)
                .toList();
    }

    @PostMapping("/captions")
    @Operation(
            operationId = "agentGenerateCaptions",
            summary = "Generate captions for a granted account",
            description = "Needs CAPTION_GENERATE on connectionId; the captions fit that account's platform and are"
                    + " written in the workspace's persona, as POST /api/v1/workspaces/{id}/captions answers them."
                    + " Nothing is posted: use the chosen text in POST /api/v1/agent/posts.")
    CaptionView generateCaptions(@AuthenticationPrincipal AgentPrincipal agent, @RequestBody AgentCaptionBody body) {
        return CaptionView.of(body.generate(captions, reads, agent, Channel.AGENT_API));
    }
}
