package herald.providers.mastodon;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.ReceivedComment;
import herald.vault.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What others wrote under one of the account's statuses, for the inbox: the status's descendants ({@code GET
 * /api/v1/statuses/:id/context}, with the account's token, so up to 4,096 at any depth), replies to replies included.
 * Left out: the account's own statuses (its replies and its thread's parts) and private mentions ({@code direct}),
 * which are messages to the account, not comments a workspace should answer in public.
 */
final class MastodonComments {

    private final MastodonApi api;
    private final MastodonErrors errors;
    private final JsonMapper json;

    MastodonComments(MastodonApi api, MastodonErrors errors, JsonMapper json) {
        this.api = api;
        this.errors = errors;
        this.json = json;
    }

    List<ReceivedComment> under(Secret token, String accountHandle, String postId, int limit) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String what = "the post's comments";
        PlatformAnswer answer = api.get(
                account.server(), account.accessToken(), "/api/v1/statuses/" + encode(postId) + "/context", what);
        if (answer.status() == 404) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.INVALID_CONTENT,
                    "The Mastodon server " + account.server() + " no longer has this post (" + postId + "); it may"
                            + " have been deleted there.");
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        String own = handle(accountHandle, account.server());
        List<ReceivedComment> comments = new ArrayList<>();
        for (JsonNode status : errors.parse(answer, what).path("descendants")) {
            boolean mine = own.equalsIgnoreCase(author(status, account.server()));
            if (!mine && !"direct".equals(ProviderJson.text(status, "visibility"))) {
                comment(status, postId, account.server()).ifPresent(comments::add);
            }
        }
        return comments.stream()
                .sorted(Comparator.comparing(ReceivedComment::writtenAt).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    private static Optional<ReceivedComment> comment(JsonNode status, String postId, String server) {
        String id = ProviderJson.text(status, "id");
        String handle = author(status, server);
        Instant writtenAt = createdAt(status);
        if (id == null || handle == null || writtenAt == null) {
            return Optional.empty();
        }
        String answers = ProviderJson.text(status, "in_reply_to_id");
        String name = ProviderJson.text(status.path("account"), "display_name");
        String url = ProviderJson.text(status, "url");
        return Optional.of(new ReceivedComment(
                id,
                postId.equals(answers) ? null : answers,
                handle,
                name == null ? handle : name.strip(),
                MastodonContent.textOfHtml(status.path("content").asString("")),
                writtenAt,
                ProviderJson.address(url != null ? url : ProviderJson.text(status, "uri"))));
    }

    /**
     * The status's author as {@code user@server}: Mastodon's {@code acct} names an account of another server so
     * already, and one of the account's own server by its username alone. Usernames are compared without case.
     */
    private static @Nullable String author(JsonNode status, String server) {
        String acct = ProviderJson.text(status.path("account"), "acct");
        return acct == null ? null : handle(acct, server);
    }

    /** A handle ({@code user}, {@code user@server}, with or without a leading {@code @}) as {@code user@server}. */
    private static String handle(String handle, String server) {
        String bare = handle.strip().startsWith("@") ? handle.strip().substring(1) : handle.strip();
        return bare.contains("@") ? bare : bare + "@" + server;
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
}
