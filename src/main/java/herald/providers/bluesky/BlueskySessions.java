package herald.providers.bluesky;

import herald.providers.AccountType;
import herald.providers.DiscoveredAccount;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sessions with an app password (platform-contracts.md 6.2): signing in ({@code com.atproto.server.createSession}),
 * renewing ({@code refreshSession}, which rotates both JWTs) and ending one ({@code deleteSession}), and the account a
 * session belongs to ({@code app.bsky.actor.getProfile}). The password goes out in one request body and nowhere else:
 * no message, log or exception holds it.
 */
final class BlueskySessions {

    private static final String APP_PASSWORDS = "Settings → Privacy and security → App passwords";

    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final JsonMapper json;

    BlueskySessions(BlueskyXrpc xrpc, BlueskyErrors errors, JsonMapper json) {
        this.xrpc = xrpc;
        this.errors = errors;
        this.json = json;
    }

    DiscoveredAccount signIn(String identifier, Secret appPassword) {
        String handle = identifier.strip().replaceFirst("^@", "");
        ObjectNode body = json.createObjectNode();
        body.put("identifier", handle);
        body.put("password", appPassword.reveal());
        String what = "the sign-in";
        PlatformAnswer answer =
                xrpc.procedure(null, "com.atproto.server.createSession", json.writeValueAsString(body), what);
        if (!answer.ok()) {
            throw signInFailure(answer, appPassword);
        }
        JsonNode session = errors.parse(answer, what);
        String did = ProviderJson.text(session, "did");
        if (did == null) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without the account's DID.");
        }
        if (session.path("active").isBoolean() && !session.path("active").asBoolean()) {
            String status = ProviderJson.text(session, "status");
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.PERMISSION,
                    "The Bluesky account is " + (status == null ? "not active" : status) + ", so it cannot post;"
                            + " reactivate it on bsky.app, then connect it again.");
        }
        TokenGrant grant = grant(session, what);
        String signedInAs = ProviderJson.text(session, "handle");
        return account(grant, did, signedInAs == null ? handle : signedInAs);
    }

    /** New access and refresh JWTs for {@code refreshJwt}, which Bluesky spends: it must never be presented again. */
    TokenGrant refresh(Secret refreshJwt) {
        String what = "the session's renewal";
        PlatformAnswer answer = xrpc.procedure(refreshJwt, "com.atproto.server.refreshSession", null, what);
        if (!answer.ok()) {
            throw errors.refreshFailure(answer);
        }
        return grant(errors.parse(answer, what), what);
    }

    /**
     * Ends the session of a refresh JWT. An access JWT cannot be revoked at Bluesky (it lapses within hours on its
     * own), so none is sent; a session that is already over is no error.
     */
    void revoke(Secret token) {
        String scope = SessionJwt.of(json, token).scope();
        if (scope != null && !scope.equals(SessionJwt.REFRESH_SCOPE)) {
            return;
        }
        PlatformAnswer answer =
                xrpc.procedure(token, "com.atproto.server.deleteSession", null, "the end of the session");
        boolean over = answer.status() == 400 || answer.status() == 401;
        if (!answer.ok() && !over) {
            throw errors.failure(answer, "the end of the session");
        }
    }

    /**
     * The account whose session {@code grant} is: its DID, handle, display name and avatar from its profile. A profile
     * that cannot be read does not undo a sign-in that worked: the handle stands in for the name.
     */
    DiscoveredAccount account(TokenGrant grant, String did, String handle) {
        String name = null;
        String avatar = null;
        String username = handle;
        try {
            PlatformAnswer answer =
                    xrpc.query(grant.accessToken(), "app.bsky.actor.getProfile", "the account's profile", "actor", did);
            if (answer.ok()) {
                JsonNode profile = errors.parse(answer, "the account's profile");
                name = ProviderJson.text(profile, "displayName");
                avatar = ProviderJson.text(profile, "avatar");
                String current = ProviderJson.text(profile, "handle");
                username = current == null ? handle : current;
            }
        } catch (ProviderException e) {
            // The profile is decoration; the session is what counts.
        }
        return new DiscoveredAccount(
                did, AccountType.PERSONAL, username, name == null ? username : name, avatar, grant);
    }

    private TokenGrant grant(JsonNode session, String what) {
        String access = ProviderJson.text(session, "accessJwt");
        String refresh = ProviderJson.text(session, "refreshJwt");
        if (access == null || refresh == null) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without the session's tokens.");
        }
        Secret accessJwt = Secret.of(access);
        return new TokenGrant(
                accessJwt, Secret.of(refresh), SessionJwt.of(json, accessJwt).expiresAt(), List.of());
    }

    private ProviderException signInFailure(PlatformAnswer answer, Secret appPassword) {
        String error = errors.name(answer);
        if (answer.status() == 429 || answer.status() >= 500) {
            return errors.failure(answer, "the sign-in");
        }
        String message;
        if ("AuthFactorTokenRequired".equals(error)) {
            message = "Bluesky asked for the code it e-mails on sign-in: that is what the account's own password"
                    + " does. Herald needs an app password instead: make one on bsky.app under " + APP_PASSWORDS
                    + ", and use it here.";
        } else if ("AccountTakedown".equals(error)) {
            message = "Bluesky has taken this account down" + said(answer, error, appPassword)
                    + " Herald cannot post for it.";
        } else if (answer.status() == 401 || "AuthenticationRequired".equals(error)) {
            message = "Bluesky refused the handle or the app password" + said(answer, error, appPassword)
                    + " Check the handle (e.g. alice.bsky.social) and use an app password made on bsky.app under "
                    + APP_PASSWORDS + ".";
        } else {
            message = "Bluesky refused the sign-in (HTTP " + answer.status() + ")" + said(answer, error, appPassword);
        }
        return new ProviderException(BlueskyProvider.ID, Kind.PERMISSION, message);
    }

    /** Bluesky's words, without the password should a server ever echo it. */
    private String said(PlatformAnswer answer, @Nullable String error, Secret appPassword) {
        String said = errors.said(answer, error);
        String password = appPassword.reveal();
        return password.isEmpty() ? said : said.replace(password, "***");
    }
}
