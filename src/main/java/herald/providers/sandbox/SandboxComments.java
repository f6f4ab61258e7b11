package herald.providers.sandbox;

import herald.providers.CommentRequest;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.PublishedComment;
import herald.providers.ReceivedComment;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments under the account's own posts (docs/sandbox-api.md): written with {@code POST /api/posts/{id}/comments}
 * (answering one of the post's comments with {@code replyTo}), found again in the post's comments, which the Sandbox
 * lists newest first; and the comments others wrote there, read from the same listing for the inbox.
 */
final class SandboxComments {

    /** The most comments the Sandbox lists in one answer. */
    static final int PAGE = 100;

    private static final String ID = SandboxProvider.ID;

    private final SandboxApi api;
    private final SandboxErrors errors;
    private final JsonMapper json;

    SandboxComments(SandboxApi api, SandboxErrors errors, JsonMapper json) {
        this.api = api;
        this.errors = errors;
        this.json = json;
    }

    PublishedComment comment(Secret token, CommentRequest request) {
        String what = "the comment";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", request.text());
        if (request.replyTo() != null) {
            body.put("replyTo", request.replyTo());
        }
        PlatformAnswer answer = api.createComment(token, request.postId(), json.writeValueAsString(body), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        // The Sandbox took the comment: an answer Herald cannot read leaves it unknown, never worth a blind retry.
        JsonNode created;
        try {
            created = errors.parse(answer, what);
        } catch (ProviderException e) {
            throw unreadable();
        }
        return published(created).orElseThrow(SandboxComments::unreadable);
    }

    /**
     * The account's comment with the request's text and {@code replyTo}, written since {@code since} (two seconds of
     * clock skew allowed). The list is newest first, so a comment older than that proves there is none; a full page of
     * newer comments without it cannot tell.
     */
    Optional<PublishedComment> find(Secret token, CommentRequest request, Instant since) {
        String what = "the post's comments";
        PlatformAnswer answer = api.comments(token, request.postId(), PAGE, what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        Instant from = since.minusSeconds(2);
        JsonNode data = errors.parse(answer, what).path("data");
        for (JsonNode candidate : data) {
            Instant created = writtenAt(candidate);
            if (created.isBefore(from)) {
                return Optional.empty();
            }
            if (request.accountHandle()
                            .equalsIgnoreCase(candidate.path("accountHandle").asString(""))
                    && request.text().equals(candidate.path("text").asString(""))
                    && Objects.equals(request.replyTo(), ProviderJson.text(candidate, "replyTo"))) {
                return published(candidate);
            }
        }
        if (data.size() >= PAGE) {
            throw new ProviderException(
                    ID,
                    Kind.UNKNOWN_OUTCOME,
                    "The post has more than " + PAGE + " comments since the attempt; Herald cannot tell whether the"
                            + " Sandbox has this one.");
        }
        return Optional.empty();
    }

    /**
     * What others wrote under the account's post, newest first as the Sandbox lists them: its visitors' comments and
     * replies, and any other account's. The account's own are left out after the Sandbox answers, so there may be fewer
     * than {@code limit}.
     */
    List<ReceivedComment> received(Secret token, String accountHandle, String postId, int limit) {
        String what = "the post's comments";
        PlatformAnswer answer = api.comments(token, postId, Math.clamp(limit, 1, PAGE), what);
        if (answer.status() == 404 && "not_found".equals(errorCode(answer))) {
            // The post was deleted on the Sandbox: reading it again cannot succeed, so the inbox stops reading it.
            throw new ProviderException(ID, Kind.INVALID_CONTENT, "The Sandbox no longer has this post.");
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        List<ReceivedComment> received = new ArrayList<>();
        for (JsonNode candidate : errors.parse(answer, what).path("data")) {
            String author = ProviderJson.text(candidate, "accountHandle");
            if (author == null || !author.equalsIgnoreCase(accountHandle)) {
                received.add(received(candidate, author));
            }
        }
        return received;
    }

    /**
     * A visitor has no handle at the Sandbox, only the name they typed: theirs is {@code visitor:} and the name
     * lower-cased with everything but letters and digits dropped ("Ada Lovelace" is {@code visitor:adalovelace}). The
     * same name always makes the same handle, and none is an account's, whose handles have no colon. A name without a
     * letter or digit (only emoji, say) is told by its {@link String#hashCode()} in hex instead, which Java specifies,
     * so it is the same on every node and release.
     */
    static String visitorHandle(String name) {
        StringBuilder handle = new StringBuilder("visitor:");
        name.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(handle::appendCodePoint);
        if (handle.length() == "visitor:".length()) {
            handle.append("%08x".formatted(name.hashCode()));
        }
        return handle.toString();
    }

    /** When the comment was written; an answer without a readable time is malformed, not a crash. */
    private static Instant writtenAt(JsonNode comment) {
        String createdAt = ProviderJson.text(comment, "createdAt");
        if (createdAt == null) {
            throw malformed();
        }
        try {
            return Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    private static ReceivedComment received(JsonNode node, @Nullable String accountHandle) {
        String id = ProviderJson.text(node, "id");
        String text = node.path("text").isString() ? node.path("text").asString() : null;
        String createdAt = ProviderJson.text(node, "createdAt");
        String name = ProviderJson.text(node, "authorName");
        if (id == null || text == null || createdAt == null || (accountHandle == null && name == null)) {
            throw malformed();
        }
        Instant writtenAt = writtenAt(node);
        String handle = accountHandle != null ? accountHandle : visitorHandle(name);
        return new ReceivedComment(
                id,
                ProviderJson.text(node, "replyTo"),
                handle,
                name == null ? handle : name,
                text,
                writtenAt,
                ProviderJson.address(ProviderJson.text(node, "url")));
    }

    /** A listing Herald cannot read is the Sandbox failing, as a body that is not JSON is: worth another try. */
    private static ProviderException malformed() {
        return new ProviderException(
                ID,
                Kind.TRANSIENT,
                "The Sandbox listed a comment without its id, text, time or author; Herald will try again.");
    }

    private @Nullable String errorCode(PlatformAnswer answer) {
        JsonNode body = ProviderJson.tree(json, answer.body());
        return body == null ? null : ProviderJson.text(body, "error");
    }

    private static Optional<PublishedComment> published(JsonNode node) {
        String id = node.path("id").asString("");
        String url = node.path("url").asString("");
        if (id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PublishedComment(id, url.isBlank() ? null : URI.create(url)));
    }

    private static ProviderException unreadable() {
        return new ProviderException(
                ID, Kind.UNKNOWN_OUTCOME, "The Sandbox accepted the comment but answered without a readable id.");
    }
}
