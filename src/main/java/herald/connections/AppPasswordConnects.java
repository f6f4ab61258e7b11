package herald.connections;

import herald.connections.ConnectRefused.Reason;
import herald.providers.ConnectMethod;
import herald.providers.DiscoveredAccount;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Connecting an account of a platform that has no OAuth clients (Bluesky): the person gives its handle and an app
 * password they made for Herald at the platform; Herald signs in once, stores the session's tokens sealed like any
 * other connection's and forgets the password. As with {@link OAuthFlows}, the plan is checked before the platform is
 * called and again when the account is stored, the platform is called outside any transaction, and a connect that
 * fails stores nothing (tokens of a session Herald will not keep are revoked).
 */
@Component
public class AppPasswordConnects {

    /** The longest handle or e-mail taken (a domain name is at most 253 characters). */
    static final int MAX_IDENTIFIER = 253;

    private static final int MAX_PASSWORD = 200;

    private final Providers providers;
    private final ConnectionStore store;
    private final ConnectionRows rows;
    private final TenantWork tenants;

    AppPasswordConnects(Providers providers, ConnectionStore store, ConnectionRows rows, TenantWork tenants) {
        this.providers = providers;
        this.store = store;
        this.rows = rows;
        this.tenants = tenants;
    }

    /**
     * What a sign-in asks for. {@code reconnect} names the connection being reconnected, which must be the same
     * account.
     */
    public record SignIn(
            String provider,
            String identifier,
            Secret appPassword,
            ConnectFlow flow,
            @Nullable ConnectionId reconnect) {}

    /**
     * Signs in and stores the account as a connection of {@code workspace} (or reconnects it in place). Refuses bad
     * input with {@link InvalidInput}, a full plan with {@link LimitReached} and whatever the platform refused with
     * {@link ConnectRefused}, its message saying what to do.
     */
    public CompletedConnect connect(WorkspaceId workspace, SignIn request) {
        SocialProvider provider = provider(request.provider());
        String identifier = identifier(request.identifier());
        if (request.appPassword().reveal().isBlank()) {
            throw new InvalidInput("appPassword", "Enter the app password you made for Herald.");
        }
        if (request.appPassword().reveal().length() > MAX_PASSWORD) {
            throw new InvalidInput("appPassword", "This is not an app password: it is too long.");
        }
        @Nullable
        String expected = tenants.call(workspace, () -> {
            if (request.reconnect() == null) {
                store.requireRoom(workspace, rows.countInUse(workspace), 1);
                return null;
            }
            return rows.find(workspace, request.reconnect())
                    .filter(stored -> stored.connection().provider().equals(provider.id()))
                    .map(stored -> stored.connection().externalId())
                    .orElseThrow(() -> Connections.notFound(request.reconnect()));
        });
        DiscoveredAccount account;
        try {
            account = provider.signIn(identifier, request.appPassword());
        } catch (ProviderException e) {
            throw new ConnectRefused(
                    Reason.PROVIDER_FAILED,
                    "Connecting to " + provider.displayName() + " failed: " + why(provider, e),
                    request.flow(),
                    workspace);
        }
        if (expected != null && !expected.equals(account.externalId())) {
            store.revokeQuietly(provider, List.of(account));
            throw new ConnectRefused(
                    Reason.OTHER_USER,
                    "You signed in as @" + account.username() + ", which is not the account being reconnected."
                            + " Sign in as that account, or connect @" + account.username() + " as a new one.",
                    request.flow(),
                    workspace);
        }
        try {
            List<Connection> stored = store.store(workspace, provider, List.of(account), request.flow());
            return new CompletedConnect(workspace, request.flow(), provider.id(), stored);
        } catch (LimitReached e) {
            store.revokeQuietly(provider, List.of(account));
            throw e;
        }
    }

    /**
     * Why the platform refused, for the person at the form: its own words when it refused the handle or password; when
     * it was out of reach or busy, that (its words are written for publishing, which Herald retries by itself, while
     * nobody retries a sign-in but the person).
     */
    private static String why(SocialProvider provider, ProviderException e) {
        return switch (e.kind()) {
            case TRANSIENT, UNKNOWN_OUTCOME ->
                provider.displayName() + " could not be reached or did not answer in time. Nothing was connected;"
                        + " try again in a moment.";
            case RATE_LIMITED ->
                provider.displayName() + " is turning sign-ins away for now"
                        + (e.retryAfter() == null
                                ? ""
                                : " (for about " + Math.max(1, e.retryAfter().toMinutes()) + " minutes)")
                        + ". Nothing was connected; try again later.";
            default -> e.getMessage() + " Nothing was connected.";
        };
    }

    private SocialProvider provider(@Nullable String id) {
        SocialProvider provider = providers
                .find(id == null ? "" : id)
                .filter(found -> found.connectMethod() == ConnectMethod.APP_PASSWORD)
                .orElseThrow(() -> new InvalidInput(
                        "provider",
                        "Only these platforms connect with an app password: "
                                + String.join(
                                        ", ",
                                        providers.all().stream()
                                                .filter(p -> p.connectMethod() == ConnectMethod.APP_PASSWORD)
                                                .map(SocialProvider::id)
                                                .toList())
                                + ". Connect the others through their consent (an OAuth session)."));
        if (!provider.configured()) {
            throw new InvalidInput(
                    "provider",
                    provider.displayName() + " is turned off on this Herald: an operator must set "
                            + String.join(" and ", provider.missingSettings()) + ".");
        }
        return provider;
    }

    /** The handle as a person may type it ({@code @alice.bsky.social}), without the '@'; or an e-mail address. */
    static String identifier(@Nullable String value) {
        String identifier = value == null ? "" : value.strip();
        if (identifier.startsWith("@")) {
            identifier = identifier.substring(1);
        }
        if (identifier.isEmpty()) {
            throw new InvalidInput("identifier", "Enter the account's handle, e.g. krusty.bsky.social.");
        }
        if (identifier.length() > MAX_IDENTIFIER || identifier.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput(
                    "identifier", "Enter the account's handle (e.g. krusty.bsky.social) or its e-mail address.");
        }
        return identifier.contains("@") ? identifier : identifier.toLowerCase(Locale.ROOT);
    }
}
