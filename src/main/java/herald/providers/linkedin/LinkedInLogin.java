package herald.providers.linkedin;

import static herald.providers.ProviderJson.text;

import herald.providers.AccountType;
import herald.providers.DiscoveredAccount;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenForms;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn's OAuth 2.0 token endpoint and the accounts a member's token reaches (platform-contracts 4.1): the
 * code exchange and refresh with the client secret in the form, revocation, the member ({@code /v2/userinfo}) and the
 * company pages the member administers ({@code organizationAcls}).
 */
final class LinkedInLogin {

    private static final String ID = LinkedInProvider.ID;

    private final LinkedInClientSettings settings;
    private final LinkedInApi api;
    private final LinkedInErrors errors;
    private final Clock clock;

    LinkedInLogin(LinkedInClientSettings settings, LinkedInApi api, LinkedInErrors errors, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.clock = clock;
    }

    TokenGrant exchange(String code, URI redirectUri) {
        var form = TokenForms.authorizationCode(code, null, redirectUri);
        return grant(api.form(settings.tokenUrl(), form, "the authorization code"), "the authorization code");
    }

    TokenGrant refresh(Secret refreshToken) {
        var form = TokenForms.refresh(refreshToken);
        return grant(api.form(settings.tokenUrl(), form, "the token refresh"), "the token refresh");
    }

    void revoke(Secret token) {
        var form = TokenForms.revoke(token);
        PlatformAnswer answer = api.form(settings.revokeUrl(), form, "the revocation");
        boolean deadToken = (answer.status() == 400 || answer.status() == 401)
                && !answer.body().contains("invalid_client");
        if (answer.ok() || deadToken) {
            // 400/401 about the token: it is already dead, which is what revoking asks for.
            return;
        }
        throw errors.failure(answer, "the revocation", null);
    }

    List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        return accountType == AccountType.COMPANY ? organizations(user) : List.of(member(user));
    }

    private DiscoveredAccount member(TokenGrant user) {
        String what = "the member's profile";
        PlatformAnswer answer = api.get(user.accessToken(), "/v2/userinfo", what);
        if (!answer.ok()) {
            throw errors.failure(answer, what, "openid profile");
        }
        JsonNode me = errors.parse(answer, what);
        String sub = text(me, "sub");
        if (sub == null) {
            throw new ProviderException(ID, Kind.TRANSIENT, "LinkedIn answered " + what + " without the member's id.");
        }
        String name = text(me, "name");
        return new DiscoveredAccount(
                Urns.PERSON + sub,
                AccountType.PERSONAL,
                sub,
                name == null ? "LinkedIn member" : name,
                text(me, "picture"),
                user);
    }

    /** The pages the member administers (role ADMINISTRATOR, approved), each with its name from one batch read. */
    private List<DiscoveredAccount> organizations(TokenGrant user) {
        String what = "the pages the member administers";
        PlatformAnswer acls = api.get(
                user.accessToken(),
                "/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&count=100",
                what);
        if (!acls.ok()) {
            throw errors.failure(acls, what, "r_organization_admin");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode acl : errors.parse(acls, what).path("elements")) {
            String organization = text(acl, "organization");
            if (organization != null && organization.startsWith(Urns.ORGANIZATION)) {
                String id = organization.substring(Urns.ORGANIZATION.length());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new ProviderException(
                    ID,
                    Kind.PERMISSION,
                    "The LinkedIn member administers no company page: Herald posts only to pages where the member"
                            + " has the ADMINISTRATOR role.");
        }
        String names = "the pages' names";
        PlatformAnswer batch =
                api.get(user.accessToken(), "/rest/organizations?ids=List(" + String.join(",", ids) + ")", names);
        if (!batch.ok()) {
            throw errors.failure(batch, names, "r_organization_admin");
        }
        JsonNode results = errors.parse(batch, names).path("results");
        List<DiscoveredAccount> accounts = new ArrayList<>();
        for (String id : ids) {
            JsonNode organization = results.path(id);
            String name = text(organization, "localizedName");
            String vanityName = text(organization, "vanityName");
            accounts.add(new DiscoveredAccount(
                    Urns.ORGANIZATION + id,
                    AccountType.COMPANY,
                    Urns.COMPANY + (vanityName == null ? id : vanityName),
                    name == null ? "LinkedIn page " + id : name,
                    null,
                    user));
        }
        return accounts;
    }

    private TokenGrant grant(PlatformAnswer answer, String what) {
        if (!answer.ok()) {
            throw errors.failure(answer, what, null);
        }
        JsonNode body = errors.parse(answer, what);
        String access = text(body, "access_token");
        if (access == null) {
            throw new ProviderException(ID, Kind.TRANSIENT, "LinkedIn answered " + what + " without an access token.");
        }
        String refresh = text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(0);
        String scope = text(body, "scope");
        return new TokenGrant(
                Secret.of(access),
                refresh == null ? null : Secret.of(refresh),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scope == null ? List.of() : Arrays.asList(scope.strip().split("[,\\s]+")));
    }
}
