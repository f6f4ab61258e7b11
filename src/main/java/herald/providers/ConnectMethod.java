package herald.providers;

/** How a person connects an account of a platform to Herald. */
public enum ConnectMethod {
    /** The platform's OAuth 2.0 consent, in a popup: Herald never sees the person's credentials. */
    OAUTH,
    /**
     * A handle and an app password the person made at the platform for Herald (Bluesky): Herald signs in once with
     * them, keeps the session's tokens sealed like any others, and forgets the password.
     */
    APP_PASSWORD,
    /**
     * The OAuth 2.0 consent at the server the person names (Mastodon), where every server is its own platform with its
     * own accounts and authorization server: Herald registers itself as a client there the first time someone connects
     * from it ({@link SocialProvider#server}), then the consent goes as with {@link #OAUTH}.
     */
    SERVER_OAUTH
}
