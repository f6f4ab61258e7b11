package herald.vault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test table's encrypted column, declared in every test context: the contexts of one test run share one database,
 * and any of their job schedulers may run a rotation's job, which must see the same columns everywhere (as every
 * production node does).
 */
@Configuration(proxyBeanMethods = false)
class VaultTestColumns {

    static final EncryptedColumn SECRETS = new EncryptedColumn("vault_test_secrets", "secret", "test.secret");

    @Bean
    EncryptedColumn vaultTestSecrets() {
        return SECRETS;
    }
}
