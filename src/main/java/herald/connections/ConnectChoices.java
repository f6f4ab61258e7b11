package herald.connections;

import herald.providers.AccountType;
import herald.providers.ConnectMethod;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.InvalidInput;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a connect through a platform's consent asks for, read before anything is stored: a platform Herald knows, is
 * configured for and connects by consent; one of its account types; and, for a platform of many servers, a server it
 * can name. Each refusal is {@link InvalidInput} on the field that asked.
 */
final class ConnectChoices {

    private final Providers providers;

    ConnectChoices(Providers providers) {
        this.providers = providers;
    }

    /** The platform {@code id} names, when a person connects to it through its consent (not an app password). */
    SocialProvider consenting(@Nullable String id) {
        SocialProvider provider = providers
                .find(id == null ? "" : id)
                .orElseThrow(() -> new InvalidInput(
                        "provider",
                        "Unknown provider '" + id + "'. Choose one of: "
                                + String.join(
                                        ", ",
                                        providers.all().stream()
                                                .map(SocialProvider::id)
                                                .toList()) + "."));
        if (!provider.configured()) {
            throw new InvalidInput(
                    "provider",
                    provider.displayName() + " is not configured on this Herald: an operator must set "
                            + String.join(" and ", provider.missingSettings()) + ".");
        }
        if (provider.connectMethod() == ConnectMethod.APP_PASSWORD) {
            throw new InvalidInput(
                    "provider",
                    provider.displayName() + " connects with the account's handle and an app password, not a"
                            + " consent: sign in with them instead.");
        }
        return provider;
    }

    static AccountType accountType(SocialProvider provider, @Nullable String value) {
        List<String> offered =
                provider.accountTypes().stream().map(AccountType::value).toList();
        if (value == null || !offered.contains(value)) {
            throw new InvalidInput(
                    "accountType",
                    provider.displayName() + " connects these account types: " + String.join(", ", offered) + ".");
        }
        return AccountType.of(value);
    }

    /**
     * The server a person named, as the provider names it once Herald is its client there; a name that is no server of
     * the platform, or not one Herald may call, is refused as the {@code server} field's input. Called before any row
     * is written, so a refused server leaves nothing behind.
     */
    static String server(SocialProvider provider, @Nullable String named, URI redirectUri) {
        if (named == null || named.isBlank()) {
            throw new InvalidInput(
                    "server",
                    "Name the " + provider.displayName() + " server your account is on, e.g. mastodon.social.");
        }
        if (named.length() > 253) {
            throw new InvalidInput("server", "A server's name is at most 253 characters.");
        }
        try {
            return provider.server(named.strip(), redirectUri);
        } catch (ProviderException e) {
            throw new InvalidInput("server", e.getMessage());
        }
    }
}
