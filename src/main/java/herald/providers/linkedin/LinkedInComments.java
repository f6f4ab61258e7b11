package herald.providers.linkedin;

import herald.providers.CommentRequest;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishedComment;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Comments under the author's own posts through the Comments API ({@code /rest/socialActions/{post URN}/comments}),
 * as the post's author (the member, or the page). A comment's {@code message.text} is plain text with attributes, not
 * the little text format of a post's commentary: it is sent as written, never escaped.
 */
final class LinkedInComments {

    /** The longest comment LinkedIn takes, as its comment box counts. */
    static final int MAX_LENGTH = 1_250;

    /** Comments read per page, and pages read before Herald gives up telling. */
    private static final int COUNT = 100;

    private static final int PAGES = 5;

    private final LinkedInClientSettings settings;
    private final LinkedInApi api;
    private final LinkedInErrors errors;
    private final Authors authors;
    private final JsonMapper json;

    LinkedInComments(LinkedInClientSettings settings, LinkedInApi api, LinkedInErrors errors, JsonMapper json) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.authors = new Authors(api, errors);
        this.json = json;
    }

    PublishedComment comment(Secret token, CommentRequest request) {
        String actor = authors.urn(token, request.accountHandle(), PublishJournal.inMemory());
        ObjectNode body = json.createObjectNode();
        body.put("actor", actor);
        body.put("object", request.postId());
        body.putObject("message").put("text", request.text());
        String what = "the comment";
        PlatformAnswer answer =
                api.create(token, path(request.postId()), json.writeValueAsString(body), what, "the post's comments");
        if (!answer.ok()) {
            throw errors.failure(
                    answer, what, actor.startsWith(Urns.PERSON) ? "w_member_social" : "w_organization_social");
        }
        String urn = null;
        try {
            urn = urn(errors.parse(answer, what));
        } catch (ProviderException e) {
            // LinkedIn took the comment: its id may still be in the header.
        }
        if (urn == null) {
            urn = answer.headers().getFirst("x-restli-id");
        }
        if (urn == null || urn.isBlank()) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "LinkedIn accepted the comment (HTTP " + answer.status() + ") without naming it; Herald checks the"
                            + " post's comments before trying again.");
        }
        return published(request.postId(), urn);
    }

    /**
     * The author's comment with the request's text made since {@code since}, from the post's comments. Reading them
     * needs {@code r_member_social} for a member (which LinkedIn grants few apps) or {@code r_organization_social}
     * for a page: without it Herald cannot tell, and says so.
     */
    Optional<PublishedComment> find(Secret token, CommentRequest request, Instant since) {
        String actor = authors.urn(token, request.accountHandle(), PublishJournal.inMemory());
        String what = "the post's comments";
        Instant from = since.minusSeconds(2);
        for (int page = 0; page < PAGES; page++) {
            PlatformAnswer answer =
                    api.get(token, path(request.postId()) + "?start=" + page * COUNT + "&count=" + COUNT, what);
            if (answer.status() == 403) {
                throw new ProviderException(
                        LinkedInProvider.ID,
                        Kind.UNKNOWN_OUTCOME,
                        "LinkedIn does not let Herald read " + what + " (it needs "
                                + (actor.startsWith(Urns.PERSON) ? "r_member_social" : "r_organization_social")
                                + "), so Herald cannot tell whether the comment went out: check the post on LinkedIn.");
            }
            if (!answer.ok()) {
                throw errors.failure(answer, what, null);
            }
            JsonNode body = errors.parse(answer, what);
            JsonNode elements = body.path("elements");
            for (JsonNode comment : elements) {
                long created = comment.path("created").path("time").asLong(0);
                String urn = urn(comment);
                if (urn != null
                        && !Instant.ofEpochMilli(created).isBefore(from)
                        && actor.equals(comment.path("actor").asString(""))
                        && request.text()
                                .equals(comment.path("message").path("text").asString(""))) {
                    return Optional.of(published(request.postId(), urn));
                }
            }
            long total = body.path("paging").path("total").asLong(-1);
            if (elements.size() < COUNT || (total >= 0 && (page + 1L) * COUNT >= total)) {
                return Optional.empty();
            }
        }
        throw new ProviderException(
                LinkedInProvider.ID,
                Kind.UNKNOWN_OUTCOME,
                "The post has more than " + PAGES * COUNT + " comments; Herald cannot tell whether LinkedIn has this"
                        + " one.");
    }

    private static String path(String postUrn) {
        return "/rest/socialActions/" + Urns.encode(postUrn) + "/comments";
    }

    /** A comment's URN: {@code commentUrn} (or Rest.li's {@code $URN}) of the comment LinkedIn answers. */
    private static @Nullable String urn(JsonNode comment) {
        for (String field : new String[] {"commentUrn", "$URN"}) {
            String value = comment.path(field).asString("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The comment's address: its post's, pointed at the comment as LinkedIn's own "copy link to comment" does. */
    private PublishedComment published(String postUrn, String commentUrn) {
        return new PublishedComment(
                commentUrn, URI.create(settings.postUrl(postUrn) + "?commentUrn=" + Urns.encode(commentUrn)));
    }
}
