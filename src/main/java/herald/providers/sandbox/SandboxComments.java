package herald.providers.sandbox;

import herald.providers.CommentRequest;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishedComment;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments under the account's own posts (docs/sandbox-api.md): written with {@code POST /api/posts/{id}/comments},
 * found again in the post's comments, which the Sandbox lists newest first.
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
        PlatformAnswer answer = api.createComment(
                token, request.postId(), json.writeValueAsString(Map.of("text", request.text())), what);
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
     * The account's comment with the request's text written since {@code since} (two seconds of clock skew allowed).
     * The list is newest first, so a comment older than that proves there is none; a full page of newer comments
     * without it cannot tell.
     */
    Optional<PublishedComment> find(Secret token, CommentRequest request, Instant since) {
        String what = "the post's comments";
        PlatformAnswer answer = api.comments(token, request.postId(), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        Instant from = since.minusSeconds(2);
        JsonNode data = errors.parse(answer, what).path("data");
        for (JsonNode candidate : data) {
            Instant created = Instant.parse(candidate.path("createdAt").asString());
            if (created.isBefore(from)) {
                return Optional.empty();
            }
            if (request.accountHandle()
                            .equalsIgnoreCase(candidate.path("accountHandle").asString(""))
                    && request.text().equals(candidate.path("text").asString(""))) {
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
