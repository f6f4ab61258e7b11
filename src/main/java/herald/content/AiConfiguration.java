package herald.content;

import herald.vault.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workspace AI keys' column, so the vault re-encrypts it after a key rotation. */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    @Bean
    EncryptedColumn aiEndpointKeys() {
        return WorkspaceAiEndpoints.API_KEY;
    }
}
