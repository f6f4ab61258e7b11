package herald.providers;

/** How Herald authenticates its OAuth client at the platform's token endpoint. */
public enum ClientAuthentication {
    /** HTTP Basic {@code client_id:client_secret} (X, the Sandbox). */
    BASIC,
    /** {@code client_id} and {@code client_secret} in the form body (Facebook, LinkedIn). */
    POST,
    /** A public client: {@code client_id} only, PKCE proves the caller (X's public clients). */
    NONE
}
