package herald.providers.mastodon;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statuses written exactly once: a post, a thread's part and a comment (a reply to the account's own post) go out with
 * an {@code Idempotency-Key}, which Mastodon keeps an hour per account and answers with the status it already created
 * for it. A post's key is made and noted in the publish journal before anything is sent, so every attempt of the
 * target sends the same key; a comment's key is made from what it answers and its text. Past the hour, or for a
 * thread's part, reconciliation searches the account's latest statuses.
 */
final class MastodonStatuses {

    /** The journal's note of the post's idempotency key. */
    static final String KEY = "idempotency-key";

    /** How many of the account's statuses one page of its timeline holds (Mastodon's most). */
    static final int PAGE = 40;

    /** How many pages are searched before Herald says it cannot tell. */
    static final int PAGES = 5;

    /** Clocks of Herald's nodes and of the server may differ a little: a status this much older may still be ours. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final MastodonApi api;
    private final MastodonErrors errors;
    private final MastodonMedia media;
    private final MastodonOAuth oauth;
    private final JsonMapper json;
    private final Clock clock;

    MastodonStatuses(
            MastodonApi api,
            MastodonErrors errors,
            MastodonMedia media,
            MastodonOAuth oauth,
            JsonMapper json,
            Clock clock) {
        this.api = api;
        this.errors = errors;
        this.media = media;
        this.oauth = oauth;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A post without a journal (a thread's part): a reply's key is made from the post it answers and what it says, so
     * the retry of a part within the hour gets the status its lost answer held; any other post gets a fresh key.
     */
    PublishedPost publish(Secret token, PublishRequest request) {
        PublishJournal journal = PublishJournal.inMemory();
        if (request.replyTo() != null) {
            journal.put(
                    KEY,
                    digest("reply\n" + request.replyTo() + "\n"
                            + request.media().size() + "\n" + MastodonContent.text(request.text(), request.link())));
        }
        return publish(token, request, journal);
    }

    PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String key = journal.get(KEY).orElse(null);
        if (key == null) {
            key = UUID.randomUUID().toString();
            journal.put(KEY, key);
        }
        List<String> mediaIds = media.attach(account, request.media(), journal);
        String text = MastodonContent.text(request.text(), request.link());
        return create(account, text, mediaIds, request.replyTo(), request.language(), key, "the post");
    }

    /**
     * A reply to the post, or to the comment under it that the request answers. The key names what it answers, so the
     * same words answering two comments are two statuses, not one.
     */
    PublishedComment comment(Secret token, CommentRequest request) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String key = request.replyTo() == null
                ? "comment\n" + request.postId() + "\n" + request.text()
                : "comment\n" + request.postId() + "\n" + request.replyTo() + "\n" + request.text();
        PublishedPost reply = create(
                account, request.text(), List.of(), answered(request), request.language(), digest(key), "the comment");
        return new PublishedComment(reply.id(), reply.url());
    }

    /**
     * The account's status since {@code since} with the text as sent, the same number of media and the same parent
     * (none for a post that answers none).
     */
    Optional<PublishedPost> find(Secret token, PublishRequest request, Instant since) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String text = MastodonContent.plain(MastodonContent.text(request.text(), request.link()));
        return search(
                        account,
                        since,
                        status -> text.equals(fingerprint(status))
                                && status.path("media_attachments").size()
                                        == request.media().size()
                                && Objects.equals(request.replyTo(), ProviderJson.text(status, "in_reply_to_id")))
                .map(status -> published(account, status));
    }

    /**
     * The account's reply to what the comment answers (the post, or the comment under it it names) with the comment's
     * text, written since {@code since}.
     */
    Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String text = MastodonContent.plain(request.text());
        String answered = answered(request);
        return search(
                        account,
                        since,
                        status -> text.equals(fingerprint(status))
                                && answered.equals(ProviderJson.text(status, "in_reply_to_id")))
                .map(status -> published(account, status))
                .map(reply -> new PublishedComment(reply.id(), reply.url()));
    }

    /** The status a comment replies to: the comment under the post it answers, else the post. */
    private static String answered(CommentRequest request) {
        return request.replyTo() != null ? request.replyTo() : request.postId();
    }

    private PublishedPost create(
            MastodonCredential account,
            String text,
            List<String> mediaIds,
            @Nullable String replyTo,
            @Nullable String language,
            String key,
            String what) {
        ObjectNode body = json.createObjectNode();
        body.put("status", text);
        if (!mediaIds.isEmpty()) {
            var ids = body.putArray("media_ids");
            mediaIds.forEach(ids::add);
        }
        if (replyTo != null) {
            body.put("in_reply_to_id", replyTo);
        }
        body.put("visibility", "public");
        if (language != null) {
            body.put("language", language);
        }
        PlatformAnswer answer = api.create(account, "/api/v1/statuses", json.writeValueAsString(body), key, what);
        if (answer.ok()) {
            JsonNode status = ProviderJson.tree(json, answer.body());
            if (status == null || ProviderJson.text(status, "id") == null) {
                throw new ProviderException(
                        MastodonProvider.ID,
                        Kind.UNKNOWN_OUTCOME,
                        "The Mastodon server " + account.server() + " accepted " + what + " (HTTP " + answer.status()
                                + ") but answered without its id; Herald looks for it before trying again.");
            }
            return published(account, status);
        }
        if (answer.status() == 404 && replyTo != null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.INVALID_CONTENT,
                    "The Mastodon server " + account.server() + " no longer has the post this one answers (" + replyTo
                            + "); it may have been deleted" + errors.said(answer));
        }
        throw errors.failure(answer, what);
    }

    /** The first of the account's statuses since {@code since} that {@code matches}, from its latest pages. */
    private Optional<JsonNode> search(MastodonCredential account, Instant since, Predicate<JsonNode> matches) {
        String accountId = ProviderJson.text(oauth.verifyCredentials(account), "id");
        if (accountId == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "The Mastodon server " + account.server() + " did not say whose account this is, so Herald"
                            + " cannot tell whether the post went out.");
        }
        Instant from = since.minus(SLACK);
        String maxId = null;
        String what = "the account's latest posts";
        for (int page = 0; page < PAGES; page++) {
            String path = "/api/v1/accounts/" + encode(accountId) + "/statuses?limit=" + PAGE
                    + (maxId == null ? "" : "&max_id=" + encode(maxId));
            PlatformAnswer answer = api.get(account.server(), account.accessToken(), path, what);
            if (!answer.ok()) {
                throw errors.failure(answer, what);
            }
            JsonNode statuses = ProviderJson.tree(json, answer.body());
            if (statuses == null || !statuses.isArray()) {
                throw new ProviderException(
                        MastodonProvider.ID,
                        Kind.TRANSIENT,
                        "The Mastodon server " + account.server() + " answered " + what + " with malformed JSON.");
            }
            List<JsonNode> recent = new ArrayList<>();
            boolean older = false;
            for (JsonNode status : statuses) {
                Instant createdAt = createdAt(status);
                if (createdAt != null && createdAt.isBefore(from)) {
                    older = true;
                } else if (status.path("reblog").isNull()
                        || status.path("reblog").isMissingNode()) {
                    recent.add(status);
                }
            }
            Optional<JsonNode> found = recent.stream()
                    .filter(status -> createdAt(status) != null)
                    .filter(matches)
                    .findFirst();
            if (found.isPresent() || older || statuses.size() < PAGE) {
                return found;
            }
            maxId = ProviderJson.text(statuses.get(statuses.size() - 1), "id");
        }
        throw new ProviderException(
                MastodonProvider.ID,
                Kind.UNKNOWN_OUTCOME,
                "The account posted more than " + PAGES * PAGE + " statuses since the attempt began, so Herald cannot"
                        + " tell whether the post went out; look for it on the server.");
    }

    private static String fingerprint(JsonNode status) {
        return MastodonContent.fingerprintOfHtml(status.path("content").asString(""));
    }

    private PublishedPost published(MastodonCredential account, JsonNode status) {
        String id = ProviderJson.text(status, "id");
        String url = ProviderJson.text(status, "url");
        if (url == null) {
            url = ProviderJson.text(status, "uri");
        }
        if (url == null) {
            String acct = ProviderJson.text(status.path("account"), "acct");
            url = api.url(account.server(), "/@" + (acct == null ? "" : acct) + "/" + id)
                    .toString();
        }
        Instant createdAt = createdAt(status);
        return new PublishedPost(id, URI.create(url), createdAt == null ? clock.instant() : createdAt);
    }

    private static @Nullable Instant createdAt(JsonNode status) {
        try {
            return Instant.parse(status.path("created_at").asString(""));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A key that is the same for the same comment on the same post, and tells nothing of its text. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
