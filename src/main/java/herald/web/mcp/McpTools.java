package herald.web.mcp;

import herald.agents.AgentCancellation;
import herald.agents.AgentInbox;
import herald.agents.AgentPosting;
import herald.agents.AgentReads;
import herald.agents.Channel;
import herald.analytics.Analytics;
import herald.connections.ConnectionId;
import herald.content.Captions;
import herald.publishing.PostId;
import herald.publishing.PostRepeats;
import herald.publishing.ShortLinkClicks;
import herald.shared.InvalidInput;
import herald.web.api.agent.Account;
import herald.web.api.agent.AgentCaptionBody;
import herald.web.api.agent.AgentFigures;
import herald.web.api.agent.AgentPost;
import herald.web.api.agent.AgentPostPages;
import herald.web.api.agent.MediaAsset;
import herald.web.api.captions.CaptionView;
import herald.web.api.idempotency.IdempotentCalls;
import herald.web.api.paging.PageRequest;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP tools. Each mirrors one call of the agent REST API and runs the same use case ({@link AgentPosting},
 * {@link AgentReads}) with {@link Channel#MCP}, so permissions, quotas, rate limit and audit are the same. A refusal
 * the agent can fix is a tool result with {@code isError} and a message saying what to change, not a protocol error
 * ({@link McpToolCalls} runs each call and turns its answer or refusal into the tool's result).
 */
@Component
class McpTools {

    static final String INSTRUCTIONS =
            """
            Herald publishes social media posts as a company, with the company's own accounts. You act as an agent \
            of one workspace and may only use the accounts it granted you, with the capabilities granted. Start with \
            list_accounts to see them. create_post publishes now (POST_CREATE) or at scheduleAt (POST_SCHEDULE); some \
            accounts hold posts for a person's approval (status pending_approval). Use get_post to follow a post, and \
            cancel_post to withdraw one before it publishes, and get_post_figures to see how a published one did. \
            list_comments reads what people wrote under an account's posts (COMMENT_READ); answer_comment answers \
            one as the account, and mark_comment_done sets aside one that needs no answer (COMMENT_REPLY).""";

    private final McpPostCreation creation;
    private final AgentCancellation cancellation;
    private final AgentReads reads;
    private final Captions captions;
    private final Analytics analytics;
    private final ShortLinkClicks shortLinks;
    private final McpToolCalls calls;
    private final PostRepeats repeats;
    private final McpInboxTools inboxTools;

    McpTools(
            AgentPosting posting,
            AgentCancellation cancellation,
            IdempotentCalls idempotentCalls,
            AgentReads reads,
            Captions captions,
            Analytics analytics,
            ShortLinkClicks shortLinks,
            PostRepeats repeats,
            AgentInbox inbox,
            JsonMapper json) {
        this.calls = new McpToolCalls(json);
        this.inboxTools = new McpInboxTools(inbox, calls);
        this.shortLinks = shortLinks;
        this.repeats = repeats;
        this.creation = new McpPostCreation(posting, idempotentCalls, json);
        this.cancellation = cancellation;
        this.reads = reads;
        this.captions = captions;
        this.analytics = analytics;
    }

    List<SyncToolSpecification> specifications() {
        return java.util.stream.Stream.concat(postTools().stream(), inboxTools.specifications().stream())
                .toList();
    }

    private List<SyncToolSpecification> postTools() {
        return List.of(
                calls.tool(
                        "list_accounts",
                        "List accounts",
                        "Lists the social media accounts this agent may post to, with the platform, the connectionId"
                                + " to use in create_post, the capabilities granted (POST_CREATE: publish now,"
                                + " POST_SCHEDULE: publish later, POST_READ, ASSET_READ, ...), whether posts wait for a"
                                + " person's approval, and how many posts are left today under the daily cap.",
                        McpSchemas.NO_ARGUMENTS,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> Map.of(
                                "accounts",
                                reads.accounts(agent, Channel.MCP).stream()
                                        .map(Account::of)
                                        .toList())),
                calls.tool(
                        "create_post",
                        "Create or schedule a post",
                        "Publishes a post as the company on the accounts named by 'platforms' (every granted account"
                                + " of each platform) or by 'connectionIds' (from list_accounts): now, or at"
                                + " 'scheduleAt'. Each account gets its own post and its own result: status"
                                + " pending_approval (a person must approve it first), scheduled (due at scheduledAt,"
                                + " or now: published within seconds), publishing, or published with its url; or an"
                                + " error: not_connected (no such account), no_permission (not granted, or the"
                                + " capability is missing), quota_exceeded (daily cap or plan limit), invalid_content"
                                + " (breaks the platform's rules: the detail says which). Give waitSeconds (up to 10)"
                                + " to wait for the URL of a post published now. Give firstComment to have Herald"
                                + " comment under each post once it is published (X: a reply), tagLinks to choose"
                                + " whether links get the workspace's UTM parameters, and shortenLinks whether they go"
                                + " out as short links that count clicks. Give variants to let a platform"
                                + " or an account have its own content or firstComment (a short text for X, a longer"
                                + " one for LinkedIn). Give repeat to make each post repeat (a weekly special);"
                                + " stop_repeating stops it.",
                        McpSchemas.CREATE_POST,
                        McpToolCalls.Effect.WRITE,
                        (agent, args) -> creation.create(agent, args, calls::arguments)),
                calls.tool(
                        "get_post",
                        "Get a post's status",
                        "Gets one post this agent created (or one of an account it has POST_READ on): its status"
                                + " (pending_approval, scheduled, publishing, published, partially_failed, failed,"
                                + " cancelled when a person rejected it) and, per account, the status, the URL once"
                                + " published, and the platform's error if it failed; with a firstComment, where that"
                                + " comment stands on each account (waiting, posting, posted with its url, failed,"
                                + " unknown, skipped).",
                        McpSchemas.GET_POST,
                        McpToolCalls.Effect.READ,
                        (agent, args) ->
                                AgentPost.of(reads.post(agent, Channel.MCP, new PostId(postId(args))), repeats)),
                calls.tool(
                        "get_post_figures",
                        "Get how a post did",
                        "Gets the figures of a published post (one this agent created, or of an account it has"
                                + " POST_READ on), per account: the platform's own counts (views or impressions,"
                                + " likes, comments, shares...), views, engagements (every interaction, summed),"
                                + " the engagement rate in percent, and clicks: people's clicks on its short links,"
                                + " when the workspace shortens links. Herald reads them an hour, six hours, a day, three"
                                + " days, a week and a month after publishing: in the first hour counts are empty"
                                + " and nextReadAt says when they come.",
                        McpSchemas.GET_POST,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> {
                            UUID post = postId(args);
                            return AgentFigures.of(analytics, shortLinks, reads, agent, Channel.MCP, post);
                        }),
                calls.tool(
                        "cancel_post",
                        "Cancel a post",
                        "Withdraws a post this agent created, before it starts publishing (status pending_approval,"
                                + " scheduled or draft): no account will get it. Answers with the post, now cancelled."
                                + " A post already publishing or published cannot be cancelled (the error says its"
                                + " status); delete a published one on the platform itself.",
                        McpSchemas.GET_POST,
                        McpToolCalls.Effect.DESTRUCTIVE,
                        (agent, args) -> AgentPost.of(
                                cancellation.cancel(agent, Channel.MCP, new PostId(postId(args))), repeats)),
                calls.tool(
                        "stop_repeating",
                        "Stop a repeating post",
                        "Stops a repeating post this agent created (one made with repeat, or any post of its"
                                + " series) from making more: no post is made after the latest of the series, which"
                                + " stays as it is (cancel_post it to skip it). Answers with the post, its repeat"
                                + " ended. An error says when the post does not repeat or its series already ended.",
                        McpSchemas.GET_POST,
                        McpToolCalls.Effect.DESTRUCTIVE,
                        (agent, args) -> AgentPost.of(
                                cancellation.stopRepeating(agent, Channel.MCP, new PostId(postId(args))), repeats)),
                calls.tool(
                        "skip_repeat_day",
                        "Skip one day of a repeating post",
                        "Takes one coming day out of the series of a repeating post this agent created (a holiday,"
                                + " a closed kitchen): no post is made that day, and the series goes on with the"
                                + " next. Answers with the post, the day in repeat.skipped. An error says when the"
                                + " series makes no post that day in the coming year, or does not repeat any more.",
                        McpSchemas.REPEAT_DAY,
                        McpToolCalls.Effect.WRITE,
                        (agent, args) -> {
                            var day = repeatDay(args);
                            return AgentPost.of(
                                    cancellation.skipDay(agent, Channel.MCP, new PostId(day.postId()), day.date()),
                                    repeats);
                        }),
                calls.tool(
                        "unskip_repeat_day",
                        "Put a skipped day back",
                        "Puts a day skip_repeat_day took out back into the series of a repeating post this agent"
                                + " created: its post is made after all. Answers with the post.",
                        McpSchemas.REPEAT_DAY,
                        McpToolCalls.Effect.WRITE,
                        (agent, args) -> {
                            var day = repeatDay(args);
                            return AgentPost.of(
                                    cancellation.unskipDay(agent, Channel.MCP, new PostId(day.postId()), day.date()),
                                    repeats);
                        }),
                calls.tool(
                        "list_posts",
                        "List posts",
                        "Lists the posts this agent created, newest first, with their status and URLs; nextCursor, when"
                                + " set, gets the next page. With connectionId: every post of that account (needs"
                                + " POST_READ on it).",
                        McpSchemas.LIST_POSTS,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> {
                            var query = calls.arguments(args, ListArguments.class);
                            return AgentPostPages.page( // {"items": [...], "nextCursor"}, as the REST listing
                                    reads,
                                    agent,
                                    Channel.MCP,
                                    query.connectionId() == null ? null : new ConnectionId(query.connectionId()),
                                    new PageRequest(query.limit() == null ? 20 : query.limit(), query.cursor()));
                        }),
                calls.tool(
                        "list_assets",
                        "List media",
                        "Lists images and videos in the company's media library, newest first, to attach to a post by"
                                + " id (create_post's mediaIds). 'text' searches names, alt texts and descriptions;"
                                + " 'type' is image, video, or a format (jpeg, png, gif, webp, mp4, mov). Needs"
                                + " ASSET_READ.",
                        McpSchemas.LIST_ASSETS,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> {
                            var query = calls.arguments(args, AssetArguments.class);
                            return Map.of(
                                    "assets",
                                    reads
                                            .assets(
                                                    agent,
                                                    Channel.MCP,
                                                    query.text(),
                                                    query.type(),
                                                    query.limit() == null ? 50 : query.limit())
                                            .stream()
                                            .map(MediaAsset::of)
                                            .toList());
                        }),
                calls.tool(
                        "generate_captions",
                        "Generate captions",
                        "Writes 1 to 5 caption variants for a granted account (needs CAPTION_GENERATE on it), in the"
                                + " company's brand voice (its default persona unless personaId is given), fitted to"
                                + " the account's platform (length, hashtags, emoji) and checked against the company's"
                                + " recent posts: each caption has its similarity and warnings (e.g. too similar to"
                                + " an earlier post). Nothing is posted: use the text you choose in create_post.",
                        McpSchemas.GENERATE_CAPTIONS,
                        McpToolCalls.Effect.READ,
                        (agent, args) -> CaptionView.of(calls.arguments(args, AgentCaptionBody.class)
                                .generate(captions, reads, agent, Channel.MCP))));
    }

    private UUID postId(Map<String, Object> args) {
        var id = calls.arguments(args, PostArguments.class);
        if (id.postId() == null) {
            throw new InvalidInput("postId", "Give the postId returned by create_post.");
        }
        return id.postId();
    }

    record PostArguments(@Nullable UUID postId) {}

    /** A series' post and one of its days, as an agent gives them. */
    record RepeatDayArguments(@Nullable UUID postId, java.time.@Nullable LocalDate date) {}

    /** A series' post and one of its days, both given. */
    record RepeatDay(UUID postId, java.time.LocalDate date) {}

    private RepeatDay repeatDay(Map<String, Object> args) {
        var given = calls.arguments(args, RepeatDayArguments.class);
        if (given.postId() == null) {
            throw new InvalidInput("postId", "Give the postId returned by create_post.");
        }
        if (given.date() == null) {
            throw new InvalidInput("date", "Give the day, e.g. 2026-12-24.");
        }
        return new RepeatDay(given.postId(), given.date());
    }

    record ListArguments(@Nullable UUID connectionId, @Nullable Integer limit, @Nullable String cursor) {}

    record AssetArguments(@Nullable String text, @Nullable String type, @Nullable Integer limit) {}
}
