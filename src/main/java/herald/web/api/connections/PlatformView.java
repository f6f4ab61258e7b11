package herald.web.api.connections;

import herald.providers.AccountType;
import herald.providers.ContentRules;
import herald.providers.SocialProvider;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A platform Herald can publish to, and whether this Herald is configured for it.")
record PlatformView(
        @Schema(description = "The platform's id, used as provider elsewhere.", example = "x") String id,
        @Schema(example = "X") String name,
        @Schema(description = "The account types one may connect.") List<String> accountTypes,
        @Schema(description = "False when an operator must first set the missingSettings.") boolean configured,
        @Schema(description = "Environment variables an operator must set.") List<String> missingSettings,
        @Schema(
                        description = "How an account is connected: oauth (start an OAuth session and send the person"
                                + " to its authorizationUrl), server_oauth (the same, naming the server the account is"
                                + " on: Mastodon) or app_password (sign in with the account's handle and an app password"
                                + " made for Herald).",
                        allowableValues = {"oauth", "server_oauth", "app_password"})
                String connectMethod,
        Rules rules) {

    @Schema(description = "What one post may carry on the platform.")
    record Rules(int maxTextLength, int maxMedia, List<String> mediaKinds, long maxMediaBytes, boolean linkAllowed) {}

    static PlatformView of(SocialProvider provider) {
        ContentRules rules = provider.contentRules();
        return new PlatformView(
                provider.id(),
                provider.displayName(),
                provider.accountTypes().stream().map(AccountType::value).toList(),
                provider.configured(),
                provider.missingSettings(),
                provider.connectMethod().name().toLowerCase(java.util.Locale.ROOT),
                new Rules(
                        rules.maxTextLength(),
                        rules.maxMedia(),
                        rules.mediaKinds().stream().sorted().toList(),
                        rules.maxMediaBytes(),
                        rules.linkAllowed()));
    }
}
