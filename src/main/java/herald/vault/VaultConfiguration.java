package herald.vault;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    @Bean
    DataKeys dataKeys(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            VaultSettings settings,
            @Value("${herald.keyset:}") @Nullable String keyset,
            @Value("${herald.database.data-dir:.herald}") Path dataDir) {
        return new DataKeys(jdbc, transactions, MasterKeyset.load(keyset, dataDir), settings);
    }

    /**
     * The re-encryption job, one instance per rotation ({@code key-<id>}). Several may run at once (a rotation made
     * while another's job runs); each converges on the latest primary, and the compare-and-set keeps them harmless.
     * Two of them may still deadlock on the same rows, and Postgres then aborts one: it starts again after a second
     * (then 1.5 times longer each time), rather than after db-scheduler's default five minutes, and skips what is done.
     */
    @Bean
    OneTimeTask<Void> vaultReencryptTask(ObjectProvider<Reencryption> reencryption) {
        return Tasks.oneTime(KeyRotation.TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1)))
                .execute((instance, context) -> reencryption
                        .getObject()
                        .run(Long.parseLong(instance.getId().substring("key-".length()))));
    }
}
