/**
 * Users and their passwords, sign-in with its throttling and its optional second factor (an authenticator app's codes
 * or one-time recovery codes), API keys, the operator token, and the principals a request can carry: a signed-in
 * user, an API key, or the operator.
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit", "vault"})
@NullMarked
package herald.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
