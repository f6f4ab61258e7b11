package herald.identity;

import herald.vault.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** Spring Security's recommended delegating encoder: bcrypt today, upgradable per hash by its {id} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Declares the sealed TOTP keys to the vault, which re-encrypts them when its key is rotated. */
    @Bean
    EncryptedColumn twoFactorSecrets() {
        return TwoFactor.SECRET;
    }
}
