package herald.agents;

import herald.assets.Asset;
import herald.assets.AssetQuery;
import herald.assets.Assets;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an agent may read: the accounts it was granted, the posts it created (and, with POST_READ, every post of a
 * granted account), and the media library (with ASSET_READ on any account). Every read is audited like a post.
 */
@Component
public class AgentReads {

    public static final int MAX_LIMIT = 100;

    /** The most posts of a page; a listing may ask for one more, to tell whether there is a next page. */
    public static final int MAX_POSTS_PAGE = 200;

    private final AgentCalls calls;
    private final Grants grants;
    private final Connections connections;
    private final Posts posts;
    private final Assets assets;
    private final AgentPostLog log;
    private final Workspaces workspaces;
    private final Clock clock;

    AgentReads(
            AgentCalls calls,
            Grants grants,
            Connections connections,
            Posts posts,
            Assets assets,
            AgentPostLog log,
            Workspaces workspaces,
            Clock clock) {
        this.calls = calls;
        this.grants = grants;
        this.connections = connections;
        this.posts = posts;
        this.assets = assets;
        this.log = log;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The accounts granted to the agent, disconnected ones aside. */
    public List<AgentAccount> accounts(AgentPrincipal caller, Channel channel) {
        return calls.run(caller, channel, "accounts.list", () -> {
            var zone = workspaces.require(caller.workspace()).timezone();
            var dayStart = clock.instant()
                    .atZone(zone)
                    .toLocalDate()
                    .atStartOfDay(zone)
                    .toInstant();
            List<AgentAccount> accounts = grants.list(caller.workspace(), caller.agent()).stream()
                    .flatMap(grant -> connections
                            .find(caller.workspace(), grant.connection())
                            .filter(c -> c.status() != herald.connections.ConnectionStatus.DISCONNECTED)
                            .map(c -> account(caller, grant, c, dayStart))
                            .stream())
                    .toList();
            calls.record(caller, channel, "accounts.list", Map.of("outcome", "ok", "accounts", "" + accounts.size()));
            return accounts;
        });
    }

    private AgentAccount account(AgentPrincipal caller, Grant grant, Connection c, java.time.Instant dayStart) {
        Integer left = grant.dailyCap() == null
                ? null
                : Math.max(0, grant.dailyCap() - log.usedSince(caller.workspace(), grant.id(), dayStart));
        return new AgentAccount(
                c.id(),
                c.provider(),
                c.label(),
                c.username(),
                c.status().value(),
                grant.capabilities(),
                grant.requiresApproval(),
                grant.dailyCap(),
                left);
    }

    /** Where a post stands in an agent's listing: a time, then the post's id (newest first). */
    public record Position(Instant at, PostId post) {}

    /** A post of a listing, with its position, from which the next page continues. */
    public record Listed(Post post, Position position) {}

    /**
     * The agent's own posts, newest created first; or, with {@code connection}, every post of that account, newest due
     * (or created) first (needs POST_READ on it). {@code limit} posts after {@code after}, the position of the previous
     * page's last post (null for the first page).
     */
    public List<Listed> posts(
            AgentPrincipal caller,
            Channel channel,
            @Nullable ConnectionId connection,
            @Nullable Position after,
            int limit) {
        if (limit < 1 || limit > MAX_POSTS_PAGE + 1) {
            throw new InvalidInput("limit", "The limit is 1 to " + MAX_POSTS_PAGE + ".");
        }
        Instant afterTime = after == null ? null : after.at();
        PostId afterId = after == null ? null : after.post();
        return calls.run(caller, channel, "posts.list", () -> {
            List<Listed> found;
            if (connection == null) {
                found = log.postsOf(caller.workspace(), caller.agent(), afterTime, afterId, limit).stream()
                        .map(created -> new Listed(
                                posts.get(caller.workspace(), created.post()),
                                new Position(created.at(), created.post())))
                        .toList();
                calls.record(caller, channel, "posts.list", Map.of("outcome", "ok", "posts", "" + found.size()));
            } else {
                Grant grant = calls.requireGrant(caller, channel, connection, Capability.POST_READ, "posts.list");
                found = posts
                        .list(
                                caller.workspace(),
                                new PostQuery(null, connection, null, null, afterTime, afterId, limit))
                        .stream()
                        .map(post -> new Listed(
                                post,
                                new Position(
                                        post.scheduledAt() == null ? post.createdAt() : post.scheduledAt(), post.id())))
                        .toList();
                calls.record(
                        caller,
                        channel,
                        "posts.list",
                        Map.of("outcome", "ok", "grant", grant.id().toString(), "connection", connection.toString()));
            }
            return found;
        });
    }

    /** One post the agent created, or one of an account it has POST_READ on. @throws NotFound otherwise */
    public Post post(AgentPrincipal caller, Channel channel, PostId id) {
        return calls.run(caller, channel, "posts.get", () -> {
            NotFound missing = new NotFound("This agent has no post " + id + ".");
            if (log.createdBy(caller.workspace(), caller.agent(), id)) {
                Post post = posts.get(caller.workspace(), id);
                calls.record(caller, channel, "posts.get", Map.of("outcome", "ok", "post", id.toString()));
                return post;
            }
            Post post;
            try {
                post = posts.get(caller.workspace(), id);
            } catch (NotFound e) {
                calls.record(caller, channel, "posts.get", Map.of("outcome", "not_found", "post", id.toString()));
                throw missing;
            }
            Optional<Grant> readable = post.targets().stream()
                    .flatMap(t -> grants.find(caller.workspace(), caller.agent(), t.connection()).stream())
                    .filter(g -> g.allows(Capability.POST_READ))
                    .findFirst();
            if (readable.isEmpty()) {
                calls.record(caller, channel, "posts.get", Map.of("outcome", "not_found", "post", id.toString()));
                throw missing;
            }
            calls.record(
                    caller,
                    channel,
                    "posts.get",
                    Map.of(
                            "outcome",
                            "ok",
                            "post",
                            id.toString(),
                            "grant",
                            readable.get().id().toString()));
            return post;
        });
    }

    /** The media library, newest first. Needs ASSET_READ on any granted account. */
    public List<Asset> assets(
            AgentPrincipal caller, Channel channel, @Nullable String text, @Nullable String type, int limit) {
        int size = limit(limit);
        return calls.run(caller, channel, "assets.list", () -> {
            Grant grant = grants.list(caller.workspace(), caller.agent()).stream()
                    .filter(g -> g.allows(Capability.ASSET_READ))
                    .findFirst()
                    .orElseThrow(() -> {
                        calls.record(caller, channel, "assets.list", Map.of("outcome", "no_permission"));
                        return new MissingCapability(
                                Capability.ASSET_READ,
                                "This agent may not read the media library: no grant carries ASSET_READ. Ask a"
                                        + " workspace admin to add it.");
                    });
            List<Asset> found = assets.search(
                    caller.workspace(), new AssetQuery(blankToNull(text), null, blankToNull(type), null, null, size));
            calls.record(
                    caller,
                    channel,
                    "assets.list",
                    Map.of("outcome", "ok", "grant", grant.id().toString(), "assets", "" + found.size()));
            return found;
        });
    }

    /**
     * Runs {@code write} as the agent's caption call on a granted account, given that account's platform. Needs
     * CAPTION_GENERATE on it; the call is audited like the others (the captions themselves are the caller's to write).
     */
    public <T> T captions(
            AgentPrincipal caller,
            Channel channel,
            ConnectionId connection,
            java.util.function.Function<String, T> write) {
        return calls.run(caller, channel, "captions.generate", () -> {
            Grant grant =
                    calls.requireGrant(caller, channel, connection, Capability.CAPTION_GENERATE, "captions.generate");
            String platform = connections
                    .find(caller.workspace(), connection)
                    .map(Connection::provider)
                    .orElseThrow(() -> new NotFound("This agent was not granted an account " + connection + "."));
            T written = write.apply(platform);
            calls.record(
                    caller,
                    channel,
                    "captions.generate",
                    Map.of("outcome", "ok", "grant", grant.id().toString(), "connection", connection.toString()));
            return written;
        });
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "The limit is 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
