/**
 * Connected social accounts and their tokens: the OAuth flow that connects them (single-use state, PKCE, popup
 * callback), their storage as vault ciphertexts, and the token lifecycle (refresh ahead of expiry, single-flight across
 * nodes, needs-reconnect when a platform refuses). Other modules use a connection's token only through
 * {@link herald.connections.AccessTokens#withAccessToken}.
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit", "vault", "tenancy", "providers"})
@NullMarked
package herald.connections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
