package herald.providers.bluesky;

import herald.providers.CommentRequest;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts, thread parts and comments (replies to the account's own posts) written exactly once: a post's record key is
 * a TID Herald makes and notes in the publish journal before it sends anything, so every attempt of the same target
 * writes to the same key, and the record there is the answer to "did it go out?".
 */
final class BlueskyPosts {

    /** The journal's note of the post's record key. */
    static final String RKEY = "rkey";

    /** Clocks of Herald's nodes may differ a little: a record this much older than the attempt may still be its. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final BlueskySettings settings;
    private final BlueskyRecords records;
    private final PostRecords posts;
    private final BlueskyImages images;
    private final BlueskyComments comments;
    private final BlueskyErrors errors;
    private final Tids tids;
    private final JsonMapper json;
    private final Clock clock;

    BlueskyPosts(
            BlueskySettings settings,
            BlueskyRecords records,
            PostRecords posts,
            BlueskyImages images,
            BlueskyComments comments,
            BlueskyErrors errors,
            Tids tids,
            JsonMapper json,
            Clock clock) {
        this.settings = settings;
        this.records = records;
        this.posts = posts;
        this.images = images;
        this.comments = comments;
        this.errors = errors;
        this.tids = tids;
        this.json = json;
        this.clock = clock;
    }

    PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        String rkey = journal.get(RKEY).orElse(null);
        if (rkey == null) {
            rkey = tids.next();
            journal.put(RKEY, rkey);
        }
        return write(
                token,
                request.accountHandle(),
                rkey,
                new Draft(
                        BlueskyContent.text(request.text(), request.link()),
                        request.link(),
                        request.card(),
                        request.media(),
                        request.replyTo() == null ? null : posts.replyTo(token, request.replyTo()),
                        request.language()),
                "the post");
    }

    /**
     * A comment is a reply, with a key of its own, in the post's thread: to the post, or to the comment under it that
     * the request answers ({@code parent}, while {@code root} stays the thread's first post).
     */
    PublishedComment comment(Secret token, CommentRequest request) {
        ObjectNode reply = posts.replyTo(token, request.postId());
        if (request.replyTo() != null) {
            reply.set("parent", comments.reference(token, request.replyTo(), reply.path("root")));
        }
        PublishedPost written = write(
                token,
                request.accountHandle(),
                tids.next(),
                new Draft(request.text(), null, null, List.of(), reply, request.language()),
                "the comment");
        return new PublishedComment(written.id(), written.url());
    }

    /**
     * The post an earlier attempt of this target wrote: the record at the journal's key, or provably none ({@code
     * RecordNotFound}). Without a key (a thread part, a caller without a journal) the account's recent posts are
     * searched as {@link #find} does.
     */
    Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        Optional<String> rkey = journal.get(RKEY);
        if (rkey.isEmpty()) {
            return find(token, request, since);
        }
        String repo = repo(token, request.accountHandle());
        return records.get(token, AtUri.post(repo, rkey.get()), "the post")
                .map(stored -> published(stored, request.accountHandle()));
    }

    /**
     * The account's post since {@code since} with the text as sent, the same number of images and the same parent
     * (none for a post that answers none), from its latest posts.
     */
    Optional<PublishedPost> find(Secret token, PublishRequest request, Instant since) {
        String text = BlueskyContent.text(request.text(), request.link());
        @Nullable
        AtUri parent = request.replyTo() == null
                ? null
                : AtUri.parse(request.replyTo()).orElse(null);
        if (request.replyTo() != null && parent == null) {
            return Optional.empty(); // such a post could not have been written
        }
        return recent(token, request.accountHandle())
                .filter(stored -> written(stored, text, since)
                        && stored.images() == request.media().size()
                        && answers(stored, parent))
                .findFirst()
                .map(stored -> published(stored, request.accountHandle()));
    }

    /**
     * The account's reply to what the comment answers (the post, or the comment under it it names) with the comment's
     * text, written since {@code since}.
     */
    Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        AtUri parent = AtUri.parse(request.replyTo() != null ? request.replyTo() : request.postId())
                .orElse(null);
        if (parent == null) {
            return Optional.empty();
        }
        return recent(token, request.accountHandle())
                .filter(stored -> written(stored, request.text(), since) && answers(stored, parent))
                .findFirst()
                .map(stored -> published(stored, request.accountHandle()))
                .map(reply -> new PublishedComment(reply.id(), reply.url()));
    }

    /**
     * What is written: the text as Bluesky gets it, the link of its card, its images, what it answers (the record's
     * {@code reply}), the language it is in.
     */
    private record Draft(
            String text,
            @Nullable URI link,
            PublishRequest.@Nullable LinkPreview card,
            List<PublishRequest.Media> media,
            @Nullable ObjectNode reply,
            @Nullable String language) {}

    private PublishedPost write(Secret token, String handle, String rkey, Draft draft, String what) {
        String repo = repo(token, handle);
        ObjectNode embed = images.embed(token, draft.media());
        if (embed == null && draft.link() != null) {
            var card = draft.card();
            embed = posts.external(
                    draft.link(),
                    card,
                    card == null || card.image() == null ? null : images.thumb(token, card.image()));
        }
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode record = posts.post(draft.text(), createdAt, draft.reply(), embed, draft.language());
        PlatformAnswer answer = records.createPost(token, repo, rkey, record, what);
        if (answer.ok()) {
            String uri = null;
            try {
                uri = ProviderJson.text(errors.parse(answer, what), "uri");
            } catch (ProviderException e) {
                // Bluesky took the record: its address is read back by reconciliation.
            }
            if (uri == null) {
                throw new ProviderException(
                        BlueskyProvider.ID,
                        Kind.UNKNOWN_OUTCOME,
                        "Bluesky accepted " + what + " (HTTP " + answer.status() + ") but answered without its"
                                + " address; Herald looks for it before trying again.");
            }
            return new PublishedPost(uri, settings.postUrl(actor(handle, repo), rkey), createdAt);
        }
        if (keyMayBeTaken(answer)) {
            return alreadyWritten(token, handle, AtUri.post(repo, rkey), draft.text(), answer, what);
        }
        throw errors.failure(answer, what);
    }

    /**
     * Bluesky refused the write in a way that may mean the key holds a record already: a PDS answers a second create at
     * the same key with a 500 today ("There is already a value at key", atproto issue 3718), and may answer with a
     * named error (InvalidSwap, or the "already exists" error proposed in atproto pull 4728) later. The record there,
     * if it has this text, is this post, written by an earlier attempt whose answer was lost.
     */
    private PublishedPost alreadyWritten(
            Secret token, String handle, AtUri address, String text, PlatformAnswer refusal, String what) {
        Optional<BlueskyRecords.Stored> existing;
        try {
            existing = records.get(token, address, what);
        } catch (ProviderException e) {
            throw errors.failure(refusal, what);
        }
        if (existing.isEmpty()) {
            throw errors.failure(refusal, what);
        }
        PublishedPost post = published(existing.get(), handle);
        if (!existing.get().text().equals(text)) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.DUPLICATE,
                    "Bluesky already has a post at this post's key (" + address.rkey() + "), written by an earlier"
                            + " attempt with other text: " + post.url() + ". Delete it there to publish this one,"
                            + " or mark the post published with that address.");
        }
        return post;
    }

    private boolean keyMayBeTaken(PlatformAnswer answer) {
        String error = errors.name(answer);
        String body = answer.body().toLowerCase(Locale.ROOT);
        return answer.status() >= 500
                || answer.status() == 409
                || "InvalidSwap".equals(error)
                || (error != null && error.endsWith("Exists"))
                || body.contains("already exist")
                || body.contains("already a value");
    }

    private Stream<BlueskyRecords.Stored> recent(Secret token, String handle) {
        return records.recentPosts(token, repo(token, handle), "the account's recent posts").stream();
    }

    private static boolean written(BlueskyRecords.Stored stored, String text, Instant since) {
        Instant createdAt = stored.createdAt();
        return createdAt != null
                && !createdAt.isBefore(since.minus(SLACK))
                && stored.text().equals(text);
    }

    private static boolean answers(BlueskyRecords.Stored stored, @Nullable AtUri parent) {
        AtUri answered = stored.parent();
        return parent == null ? answered == null : answered != null && parent.sameRecord(answered);
    }

    private PublishedPost published(BlueskyRecords.Stored stored, String handle) {
        Instant createdAt = stored.createdAt();
        Optional<AtUri> address = stored.address();
        URI url = address.map(at -> settings.postUrl(actor(handle, at.repo()), at.rkey()))
                .orElse(settings.webUrl());
        return new PublishedPost(stored.uri(), url, createdAt == null ? clock.instant() : createdAt);
    }

    /** The repo to write to: the session's DID (the JWT's {@code sub}), else the handle the connection has. */
    private String repo(Secret token, String handle) {
        String did = SessionJwt.of(json, token).did();
        return did != null ? did : handle;
    }

    /** Who the post's web address names: the account's handle, or its DID when Herald has no handle. */
    private static String actor(String handle, String repo) {
        return handle.isBlank() ? repo : handle;
    }
}
