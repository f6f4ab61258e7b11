/**
 * The {@link herald.providers.SocialProvider} SPI that every social platform implements (OAuth spec, account
 * discovery, refresh, revoke, and later publishing), its one error taxonomy {@link herald.providers.ProviderException},
 * and one sub-package per platform. Providers know nothing of tenants or storage: tokens come in and go out as
 * {@link herald.vault.Secret} values, never as strings.
 */
@ApplicationModule(allowedDependencies = {"vault", "shared"})
@NullMarked
package herald.providers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
