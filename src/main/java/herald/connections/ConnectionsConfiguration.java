package herald.connections;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.vault.EncryptedColumn;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's encrypted columns, for key rotation, and its two jobs. */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

    @Bean
    EncryptedColumn connectionAccessTokens() {
        return Slots.ACCESS_TOKEN;
    }

    @Bean
    EncryptedColumn connectionRefreshTokens() {
        return Slots.REFRESH_TOKEN;
    }

    @Bean
    EncryptedColumn oauthStateVerifiers() {
        return Slots.PKCE_VERIFIER;
    }

    @Bean
    EncryptedColumn serverClientSecrets() {
        return ServerClientRows.SECRET;
    }

    @Bean
    RecurringTask<Void> connectionTokenSweep(RefreshSweep sweep, ConnectionsSettings settings) {
        return Tasks.recurring("connection-token-sweep", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> sweep.sweep());
    }

    /** Started connects live ten minutes; a day later their rows are of no use to anyone. */
    @Bean
    RecurringTask<Void> oauthStatesPurge(OAuthStates states, Clock clock) {
        return Tasks.recurring("oauth-states-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> states.purge(clock.instant().minus(Duration.ofDays(1))));
    }
}
