package herald.providers.meta;

import herald.providers.AccountType;
import herald.providers.ClientAuthentication;
import herald.providers.OAuthSpec;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Facebook Pages and Instagram Business have in common, both being reached through one Meta app: Facebook
 * Login's dialog and code exchange, company accounts only, Page tokens that do not expire (nothing to refresh), and
 * revocation of the app's permissions. Subclasses discover their accounts and publish.
 */
public abstract class MetaProvider implements SocialProvider {

    private final String id;
    private final String displayName;
    private final GraphApi api;
    private final URI dialog;
    private final List<String> scopes;
    private final List<String> missing;
    private final GraphClient graph;
    private final GraphLogin login;
    private final Clock clock;

    /**
     * @param dialogUrl where the Login dialog lives ({@code https://www.facebook.com}); the Graph version is added
     * @param scopes the permissions asked for
     */
    protected MetaProvider(
            String id,
            String displayName,
            GraphApi api,
            URI dialogUrl,
            List<String> scopes,
            GraphUsage usage,
            JsonMapper json,
            Clock clock) {
        this.id = id;
        this.displayName = displayName;
        this.api = api;
        this.dialog = URI.create(dialogUrl.toString().replaceAll("/+$", "") + "/" + api.version() + "/dialog/oauth");
        this.scopes = List.copyOf(scopes);
        this.missing = missing(api);
        this.graph = new GraphClient(id, displayName, api, usage, json);
        this.login = new GraphLogin(graph, id, displayName, clock);
        this.clock = clock;
    }

    /** Both platforms use the Meta app's id and secret: the Facebook variables name them. */
    private static List<String> missing(GraphApi api) {
        List<String> missing = new ArrayList<>();
        if (api.clientId().isBlank()) {
            missing.add("HERALD_FACEBOOK_CLIENT_ID");
        }
        if (api.clientSecret().isBlank()) {
            missing.add("HERALD_FACEBOOK_CLIENT_SECRET");
        }
        return List.copyOf(missing);
    }

    protected final GraphClient graph() {
        return graph;
    }

    protected final GraphLogin login() {
        return login;
    }

    protected final Clock clock() {
        return clock;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final List<AccountType> accountTypes() {
        return List.of(AccountType.COMPANY);
    }

    @Override
    public final OAuthSpec oauth() {
        return new OAuthSpec(
                dialog,
                api.url("oauth/access_token", Map.of()),
                api.clientId(),
                Map.of(AccountType.COMPANY, scopes),
                ",",
                false,
                ClientAuthentication.POST);
    }

    @Override
    public final List<String> missingSettings() {
        return missing;
    }

    @Override
    public final TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        return login.exchange(code, redirectUri);
    }

    /** The connections hold Page tokens, which do not expire and have no refresh token: nothing to refresh. */
    @Override
    public final boolean refreshable() {
        return false;
    }

    /** Extends a valid user token into a long-lived one ({@code fb_exchange_token}); Page tokens need none. */
    @Override
    public final TokenGrant refresh(Secret refreshToken) {
        return login.extend(refreshToken);
    }

    @Override
    public final void revoke(Secret token) {
        login.revoke(token);
    }
}
