package herald.providers;

import herald.vault.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one thing a social platform implements. Every method that calls the platform may throw
 * {@link ProviderException} and nothing else; none of them may be called inside a database transaction. Tokens go in
 * and out only as {@link Secret}s.
 */
public interface SocialProvider extends ProviderMetrics, ProviderContent, ProviderConversations {

    /** The stable id used in URLs and rows: {@code x}, {@code facebook}, {@code sandbox}, ... */
    String id();

    String displayName();

    /** The account types a person may connect with this platform, in the order the UI offers them. */
    List<AccountType> accountTypes();

    /**
     * The platform's OAuth flow. Only called for a platform that connects with {@link ConnectMethod#OAUTH}; one that
     * does not throws {@link UnsupportedOperationException}.
     */
    OAuthSpec oauth();

    /** How a person connects an account: the platform's OAuth consent unless it says otherwise. */
    default ConnectMethod connectMethod() {
        return ConnectMethod.OAUTH;
    }

    /**
     * Signs in as one account with its handle (or e-mail) and an app password the person made at the platform for
     * Herald, for a platform that connects with {@link ConnectMethod#APP_PASSWORD}: the account, with the tokens of the
     * session the platform opened. Herald keeps those tokens, never the password. A handle or password the platform
     * refuses raises {@link ProviderException.Kind#PERMISSION} with words a person can act on.
     */
    default DiscoveredAccount signIn(String identifier, Secret appPassword) {
        throw new ProviderException(
                id(), ProviderException.Kind.PERMISSION, displayName() + " connects with OAuth, not an app password.");
    }

    /**
     * For a platform that connects with {@link ConnectMethod#SERVER_OAUTH}: the server a person named (e.g. {@code
     * mastodon.social}, {@code https://mastodon.social/@alice}) as Herald names it from then on ({@code
     * mastodon.social}), once Herald is a client of that server for {@code redirectUri}: registered there the first time
     * and kept in {@link ServerClients}. Called before the consent, outside any transaction. A name that is no such
     * server, or one Herald may not call (an internal address), raises {@link ProviderException.Kind#PERMISSION} with
     * words a person can act on.
     */
    default String server(String named, URI redirectUri) {
        throw new ProviderException(
                id(), ProviderException.Kind.PERMISSION, displayName() + " connects without naming a server.");
    }

    /**
     * Whether Herald has what it needs to use this platform (client id and secret). A platform that is not configured
     * is shown as such, with {@link #missingSettings()}, instead of a Connect button that cannot work.
     */
    default boolean configured() {
        return missingSettings().isEmpty();
    }

    /** The environment variables an operator must set before this platform can be used, e.g. {@code HERALD_X_CLIENT_ID}. */
    default List<String> missingSettings() {
        return List.of();
    }

    /** The authorize URL the person's browser opens. The default builds the standard RFC 6749 + RFC 7636 query. */
    default URI authorizationUrl(AuthorizationRequest request) {
        OAuthSpec spec = oauth();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", spec.clientId());
        query.put("redirect_uri", request.redirectUri().toString());
        List<String> scopes = spec.scopesFor(request.accountType());
        if (!scopes.isEmpty()) {
            query.put("scope", String.join(spec.scopeSeparator(), scopes));
        }
        query.put("state", request.state());
        if (spec.pkce() && request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        String base = spec.authorizationEndpoint().toString();
        return URI.create(base
                + (base.contains("?") ? "&" : "?")
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }

    /** Exchanges an authorization code (with its PKCE verifier, null without PKCE) for the consenting user's tokens. */
    TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri);

    /**
     * Exchanges an authorization code at the server the consent was given on, for a platform that connects with {@link
     * ConnectMethod#SERVER_OAUTH} ({@code server} as {@link #server} answered it; null for any other platform, which
     * this sends to {@link #exchange(String, Secret, URI)}).
     */
    default TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri, @Nullable String server) {
        return exchange(code, verifier, redirectUri);
    }

    /**
     * The accounts the consent granted, each with its own tokens (which may be the user's own). Never empty: a consent
     * that granted nothing raises {@link ProviderException.Kind#PERMISSION}.
     */
    List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType);

    /** A new grant for a refresh token. A rotating platform spends {@code refreshToken}: never present it twice. */
    TokenGrant refresh(Secret refreshToken);

    /** Revokes a token (and at most platforms its family) at the platform; revoking a dead token is no error. */
    void revoke(Secret token);

    /**
     * Whether all the accounts one consent grants hang on one grant at the platform (a user's authorization behind
     * several Facebook Pages or LinkedIn organizations), so that revoking it for one would cut off the others. Herald
     * then revokes only when the last of them is disconnected. False where each account gets its own grant.
     */
    default boolean oneGrantPerConsent() {
        return false;
    }

    /** Whether tokens of this platform can be refreshed; ones that cannot are reconnected when they expire. */
    default boolean refreshable() {
        return true;
    }

    /**
     * How long a connection may go without a refresh before the sweep refreshes it anyway, for platforms whose refresh
     * tokens lapse when unused (or rotate on a schedule); null when the expiry of the access token is all that matters.
     */
    default @Nullable Duration refreshWhenIdleFor() {
        return null;
    }

    /**
     * Publishes one post as the account whose token is given. A call that may have reached the platform without an
     * answer (a read timeout after sending) raises {@link ProviderException.Kind#UNKNOWN_OUTCOME}: the caller must
     * reconcile with {@link #findExisting} before it tries again.
     */
    default PublishedPost publish(Secret token, PublishRequest request) {
        throw new ProviderException(id(), ProviderException.Kind.PERMISSION, displayName() + " cannot publish yet.");
    }

    /**
     * Publishes as {@link #publish(Secret, PublishRequest)}, keeping notes of each step already done at the platform
     * in {@code journal} (which survives the attempt, the node and retries of the same target), so that a multi-step
     * publish continues where it stopped instead of creating a second post. Publishers call this one.
     */
    default PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        return publish(token, request);
    }

    /**
     * The post the account published since {@code since} that matches {@code request} (same text, same link, same
     * number of media: media URLs are signed afresh per attempt, so their addresses are not compared), or empty when
     * the platform provably has none. Raises {@link ProviderException} when it cannot tell.
     */
    default Optional<PublishedPost> findExisting(Secret token, PublishRequest request, java.time.Instant since) {
        throw new ProviderException(
                id(), ProviderException.Kind.UNKNOWN_OUTCOME, displayName() + " cannot list an account's posts.");
    }

    /**
     * As {@link #findExisting(Secret, PublishRequest, java.time.Instant)}, with the target's journal: a provider that
     * noted a step (an Instagram container) asks the platform about that step first. Publishers call this one.
     */
    default Optional<PublishedPost> findExisting(
            Secret token, PublishRequest request, java.time.Instant since, PublishJournal journal) {
        return findExisting(token, request, since);
    }

    /**
     * Whether the platform has threads: a post published with {@link PublishRequest#replyTo()} answers the account's
     * post of that id, so a post's thread goes out as a chain of replies. Elsewhere a post's thread is not published.
     */
    default boolean takesThreads() {
        return false;
    }

    /**
     * Whether the platform is told the language a post is written in ({@link PublishRequest#language()}, {@link
     * CommentRequest#language()}): Bluesky's {@code langs}, Mastodon's {@code language}. Elsewhere it is not sent, and
     * the composer does not ask for it when only such platforms are chosen.
     */
    default boolean takesLanguage() {
        return false;
    }

    /**
     * Whether a post's link goes out as a card whose title and description Herald must give, because the platform does
     * not read the page itself (Bluesky's external embed, LinkedIn's article): publishers then read the page's card
     * ({@link PublishRequest#card()}). Platforms that read the page themselves (X, Facebook) leave it false.
     */
    default boolean fillsLinkCards() {
        return false;
    }

    /**
     * The largest image a link card may carry on a platform that {@link #fillsLinkCards() fills cards in} and shows
     * their image (Bluesky's {@code thumb}): publishers then read the page's image, when it is no larger, into the
     * card's {@link PublishRequest.LinkPreview#image()}. 0 where the card carries no image.
     */
    default int linkCardImageBytes() {
        return 0;
    }

    /**
     * Whether the platform takes stories: a request of {@link PostFormat#STORY} publishes its one medium as a story
     * (no text, no link), gone from the profile after 24 hours. Elsewhere a target cannot be a story.
     */
    default boolean takesStories() {
        return false;
    }

    /**
     * Whether the account may comment under its own published posts through Herald ({@link #comment}): a post's first
     * comment is refused when it is accepted for a platform that cannot.
     */
    default boolean takesComments() {
        return false;
    }

    /**
     * Writes a comment as the account under one of its own published posts (X: a reply to it). A call that may have
     * reached the platform without an answer raises {@link ProviderException.Kind#UNKNOWN_OUTCOME}: the caller looks
     * with {@link #findComment} before it tries again.
     */
    default PublishedComment comment(Secret token, CommentRequest request) {
        throw new ProviderException(
                id(), ProviderException.Kind.PERMISSION, displayName() + " does not take comments through Herald.");
    }

    /**
     * The account's comment under {@code request.postId()} with the request's text, written since {@code since}, or
     * empty when the platform provably has none. Raises {@link ProviderException} when it cannot tell.
     */
    default Optional<PublishedComment> findComment(Secret token, CommentRequest request, java.time.Instant since) {
        throw new ProviderException(
                id(), ProviderException.Kind.UNKNOWN_OUTCOME, displayName() + " cannot list a post's comments.");
    }

    /**
     * The platform's id of the post at {@code url}, a post's public address as a person copied it from the platform (a
     * post marked published by hand), when the address names it as {@link #comment} takes it; empty when it does not,
     * or when {@code url} is not on the platform's own host. Reads the address only, never calls the platform, so it may
     * be called inside a transaction.
     */
    default Optional<String> postIdAt(URI url) {
        return Optional.empty();
    }

    /**
     * How a post's address reads when {@link #postIdAt} can tell its id, for people (e.g. {@code
     * https://x.com/{account}/status/{id}}); null when no address of the platform tells it.
     */
    default @Nullable String postAddressForm() {
        return null;
    }
}
