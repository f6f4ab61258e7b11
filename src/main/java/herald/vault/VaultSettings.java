package herald.vault;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the vault follows key changes made by other nodes and re-encrypts after a rotation.
 *
 * @param refreshInterval how stale a node's copy of the data keyset may be before it checks the stored version
 *     ({@code HERALD_VAULT_REFRESH_INTERVAL}); an old key is disabled no sooner than twice this after a rotation
 * @param batchSize rows re-encrypted per batch ({@code HERALD_VAULT_BATCH_SIZE})
 */
@ConfigurationProperties("herald.vault")
record VaultSettings(@DefaultValue("5s") Duration refreshInterval, @DefaultValue("500") int batchSize) {

    VaultSettings {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("herald.vault.refresh-interval must be positive");
        }
        if (batchSize < 1 || batchSize > 5000) {
            throw new IllegalArgumentException("herald.vault.batch-size must be between 1 and 5000");
        }
    }
}
