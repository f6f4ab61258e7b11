package herald.providers.bluesky;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.ReceivedComment;
import herald.vault.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What others wrote under one of the account's posts, for the inbox: the replies in the post's thread ({@code
 * app.bsky.feed.getPostThread}, {@value #DEPTH} levels down, the lexicon's default), replies to replies
 * included. Left out: the account's own replies (its thread's parts and its answers; others' replies to them are
 * kept), and the places Bluesky shows a reply that is gone or blocked. And the strong reference of one such comment,
 * for an answer to it.
 */
final class BlueskyComments {

    /** How many levels of replies are read: the lexicon's default ({@code depth} may go to 1,000). */
    static final int DEPTH = 6;

    private static final String THREAD_VIEW = "app.bsky.feed.defs#threadViewPost";
    private static final String NOT_FOUND = "app.bsky.feed.defs#notFoundPost";

    private final BlueskySettings settings;
    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final JsonMapper json;

    BlueskyComments(BlueskySettings settings, BlueskyXrpc xrpc, BlueskyErrors errors, JsonMapper json) {
        this.settings = settings;
        this.xrpc = xrpc;
        this.errors = errors;
        this.json = json;
    }

    List<ReceivedComment> under(Secret token, String accountHandle, String postUri, int limit) {
        address(postUri);
        String what = "the post's comments";
        PlatformAnswer answer = xrpc.query(
                token,
                "app.bsky.feed.getPostThread",
                what,
                "uri",
                postUri,
                "depth",
                String.valueOf(DEPTH),
                "parentHeight",
                "0");
        if (!answer.ok() && "NotFound".equals(errors.name(answer))) {
            throw gone(postUri);
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode thread = errors.parse(answer, what).path("thread");
        if (NOT_FOUND.equals(ProviderJson.text(thread, "$type"))) {
            throw gone(postUri);
        }
        if (!isView(thread)) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.PERMISSION,
                    "Bluesky does not show this post's thread to the account (" + postUri + "): it is blocked.");
        }
        Author account = new Author(SessionJwt.of(json, token).did(), accountHandle);
        List<ReceivedComment> comments = new ArrayList<>();
        collect(thread, null, account, comments);
        return comments.stream()
                .sorted(Comparator.comparing(ReceivedComment::writtenAt).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    /**
     * The strong reference ({@code uri} and {@code cid}, as Bluesky answers them) of the comment {@code commentUri}
     * under the thread whose first post is {@code root}, read with {@code app.bsky.feed.getPosts}: what an answer to it
     * names as its {@code reply.parent}.
     */
    ObjectNode reference(Secret token, String commentUri, JsonNode root) {
        AtUri comment = AtUri.parse(commentUri)
                .orElseThrow(() -> new ProviderException(
                        BlueskyProvider.ID,
                        Kind.INVALID_CONTENT,
                        "Herald cannot answer " + commentUri + " on Bluesky: it is not the at:// address of a post."));
        String what = "the comment this one answers";
        PlatformAnswer answer = xrpc.query(token, "app.bsky.feed.getPosts", what, "uris", commentUri);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode view = null;
        for (JsonNode post : errors.parse(answer, what).path("posts")) {
            if (AtUri.parse(post.path("uri").asString(""))
                    .map(comment::sameRecord)
                    .orElse(false)) {
                view = post;
            }
        }
        if (view == null) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.INVALID_CONTENT,
                    "Bluesky no longer has the comment this one answers (" + commentUri + "); it may have been"
                            + " deleted.");
        }
        String uri = ProviderJson.text(view, "uri");
        String cid = ProviderJson.text(view, "cid");
        if (uri == null || cid == null) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without its cid.");
        }
        if (!sameRecord(view.path("record").path("reply").path("root").path("uri"), root.path("uri"))) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.INVALID_CONTENT,
                    "The comment this one answers (" + commentUri + ") is not in the post's thread on Bluesky.");
        }
        return json.createObjectNode().put("uri", uri).put("cid", cid);
    }

    /** The account, by its session's DID and its handle: either names its own posts. */
    private record Author(@Nullable String did, String handle) {

        boolean wrote(JsonNode post) {
            JsonNode author = post.path("author");
            String theirs = ProviderJson.text(author, "did");
            return (did != null && did.equals(theirs))
                    || handle.strip().replaceFirst("^@", "").equalsIgnoreCase(ProviderJson.text(author, "handle"));
        }
    }

    /** The replies under {@code node}, and theirs, each naming the comment it answers ({@code parent}, null at the top). */
    private void collect(JsonNode node, @Nullable String parent, Author account, List<ReceivedComment> comments) {
        for (JsonNode reply : node.path("replies")) {
            if (!isView(reply)) {
                continue; // a reply deleted, or one by an account that blocks or is blocked by the account
            }
            JsonNode post = reply.path("post");
            String uri = ProviderJson.text(post, "uri");
            if (uri == null) {
                continue;
            }
            if (!account.wrote(post)) {
                ReceivedComment comment = comment(post, uri, parent);
                if (comment != null) {
                    comments.add(comment);
                }
            }
            collect(reply, uri, account, comments);
        }
    }

    private @Nullable ReceivedComment comment(JsonNode post, String uri, @Nullable String parent) {
        JsonNode author = post.path("author");
        String did = ProviderJson.text(author, "did");
        String handle = ProviderJson.text(author, "handle");
        Instant writtenAt = writtenAt(post);
        AtUri address = AtUri.parse(uri).orElse(null);
        if (handle == null || writtenAt == null || address == null) {
            return null;
        }
        String name = ProviderJson.text(author, "displayName");
        // Bluesky names an account whose handle no longer checks out "handle.invalid": its DID still finds the post.
        String actor = handle.equals("handle.invalid") && did != null ? did : handle;
        return new ReceivedComment(
                uri,
                parent,
                handle,
                name == null ? handle : name.strip(),
                post.path("record").path("text").asString(""),
                writtenAt,
                settings.postUrl(actor, address.rkey()));
    }

    /**
     * When the reply was written: its record's {@code createdAt}, which is the writer's own clock and may lie ahead, so
     * no later than Bluesky indexed it ({@code indexedAt}): a reply dated ahead would stay on top of the inbox.
     */
    private static @Nullable Instant writtenAt(JsonNode post) {
        Instant created = instant(post.path("record").path("createdAt"));
        Instant indexed = instant(post.path("indexedAt"));
        if (created == null || indexed == null) {
            return created != null ? created : indexed;
        }
        return created.isAfter(indexed) ? indexed : created;
    }

    private static @Nullable Instant instant(JsonNode value) {
        try {
            return Instant.parse(value.asString(""));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isView(JsonNode node) {
        String type = ProviderJson.text(node, "$type");
        return (type == null || type.equals(THREAD_VIEW)) && node.path("post").isObject();
    }

    private static boolean sameRecord(JsonNode one, JsonNode other) {
        AtUri first = AtUri.parse(one.asString("")).orElse(null);
        AtUri second = AtUri.parse(other.asString("")).orElse(null);
        return first != null && second != null && first.sameRecord(second);
    }

    private static AtUri address(String postUri) {
        return AtUri.parse(postUri)
                .orElseThrow(() -> new ProviderException(
                        BlueskyProvider.ID,
                        Kind.INVALID_CONTENT,
                        "Herald cannot read the comments under " + postUri + " on Bluesky: it is not the at:// address"
                                + " of a post."));
    }

    private static ProviderException gone(String postUri) {
        return new ProviderException(
                BlueskyProvider.ID,
                Kind.INVALID_CONTENT,
                "Bluesky no longer has this post (" + postUri + "); it may have been deleted there.");
    }
}
