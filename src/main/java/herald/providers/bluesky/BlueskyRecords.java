package herald.providers.bluesky;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.vault.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account's repository as Herald reads and writes it: one record by its address ({@code
 * com.atproto.repo.getRecord}), the latest posts ({@code com.atproto.repo.listRecords}), a new post at a key Herald
 * chose ({@code com.atproto.repo.createRecord}).
 */
final class BlueskyRecords {

    /** How many of the account's latest posts are searched for one an unanswered attempt may have written. */
    static final int RECENT = 50;

    /** A record as the repository holds it. */
    record Stored(String uri, String cid, JsonNode value) {

        String text() {
            return value.path("text").asString("");
        }

        /** The record's own {@code createdAt} (the writer's clock), or null when unreadable. */
        @Nullable
        Instant createdAt() {
            try {
                return Instant.parse(value.path("createdAt").asString(""));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** The address of the post this one answers ({@code reply.parent.uri}), or null for a post that answers none. */
        @Nullable
        AtUri parent() {
            String parent = value.path("reply").path("parent").path("uri").asString("");
            return AtUri.parse(parent).orElse(null);
        }

        /** How many images the post embeds. */
        int images() {
            JsonNode embed = value.path("embed");
            return "app.bsky.embed.images".equals(embed.path("$type").asString(""))
                    ? embed.path("images").size()
                    : 0;
        }

        Optional<AtUri> address() {
            return AtUri.parse(uri);
        }
    }

    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final JsonMapper json;

    BlueskyRecords(BlueskyXrpc xrpc, BlueskyErrors errors, JsonMapper json) {
        this.xrpc = xrpc;
        this.errors = errors;
        this.json = json;
    }

    /** The record at {@code address}, or empty when Bluesky says there is none ({@code RecordNotFound}). */
    Optional<Stored> get(Secret token, AtUri address, String what) {
        PlatformAnswer answer = xrpc.query(
                token,
                "com.atproto.repo.getRecord",
                what,
                "repo",
                address.repo(),
                "collection",
                address.collection(),
                "rkey",
                address.rkey());
        if (notFound(answer)) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        Stored stored = stored(errors.parse(answer, what));
        if (stored == null) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without the record.");
        }
        return Optional.of(stored);
    }

    /** The account's latest {@value #RECENT} posts, newest first. */
    List<Stored> recentPosts(Secret token, String repo, String what) {
        PlatformAnswer answer = xrpc.query(
                token,
                "com.atproto.repo.listRecords",
                what,
                "repo",
                repo,
                "collection",
                AtUri.POSTS,
                "limit",
                String.valueOf(RECENT));
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        List<Stored> posts = new ArrayList<>();
        for (JsonNode record : errors.parse(answer, what).path("records")) {
            Stored stored = stored(record);
            if (stored != null) {
                posts.add(stored);
            }
        }
        return posts;
    }

    /** Writes {@code record} as a post at {@code rkey}; a lost answer is an unknown outcome. */
    PlatformAnswer createPost(Secret token, String repo, String rkey, JsonNode record, String what) {
        var body = json.createObjectNode();
        body.put("repo", repo);
        body.put("collection", AtUri.POSTS);
        body.put("rkey", rkey);
        body.set("record", record);
        return xrpc.write(token, "com.atproto.repo.createRecord", json.writeValueAsString(body), what);
    }

    private boolean notFound(PlatformAnswer answer) {
        if (answer.status() == 404 || "RecordNotFound".equals(errors.name(answer))) {
            return true;
        }
        // Older PDSes answer an InvalidRequest "Could not locate record: at://...".
        return answer.status() == 400 && answer.body().toLowerCase(Locale.ROOT).contains("could not locate record");
    }

    private static @Nullable Stored stored(JsonNode record) {
        String uri = ProviderJson.text(record, "uri");
        JsonNode value = record.path("value");
        if (uri == null || !value.isObject()) {
            return null;
        }
        String cid = ProviderJson.text(record, "cid");
        return new Stored(uri, cid == null ? "" : cid, value);
    }
}
