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
public interface SocialProvider {

    /** The stable id used in URLs and rows: {@code x}, {@code facebook}, {@code sandbox}, ... */
    String id();

    String displayName();

    /** The account types a person may connect with this platform, in the order the UI offers them. */
    List<AccountType> accountTypes();

    OAuthSpec oauth();

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
     * The accounts the consent granted, each with its own tokens (which may be the user's own). Never empty: a consent
     * that granted nothing raises {@link ProviderException.Kind#PERMISSION}.
     */
    List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType);

    /** A new grant for a refresh token. A rotating platform spends {@code refreshToken}: never present it twice. */
    TokenGrant refresh(Secret refreshToken);

    /** Revokes a token (and at most platforms its family) at the platform; revoking a dead token is no error. */
    void revoke(Secret token);

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

    /** What one post may carry on this platform. */
    default ContentRules contentRules() {
        return new ContentRules(280, 4, java.util.Set.of("image"), 5_000_000, true);
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
     * The post the account published since {@code since} that matches {@code request} (same text, same link, same
     * number of media: media URLs are signed afresh per attempt, so their addresses are not compared), or empty when
     * the platform provably has none. Raises {@link ProviderException} when it cannot tell.
     */
    default Optional<PublishedPost> findExisting(Secret token, PublishRequest request, java.time.Instant since) {
        throw new ProviderException(
                id(), ProviderException.Kind.UNKNOWN_OUTCOME, displayName() + " cannot list an account's posts.");
    }
}
