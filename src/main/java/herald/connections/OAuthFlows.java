package herald.connections;

import herald.audit.AuditContext;
import herald.connections.ConnectRefused.Reason;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ConnectMethod;
import herald.providers.DiscoveredAccount;
import herald.providers.Pkce;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.shared.LimitReached;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.vault.Secret;
import herald.vault.Vault;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Connecting accounts with OAuth 2.0: {@link #start} checks the plan, stores a single-use state with a sealed PKCE
 * verifier and answers the authorize URL; {@link #complete} takes the callback, consumes the state (exists, unexpired,
 * unused, same person, same workspace) in one locked step, exchanges the code, discovers the granted accounts and
 * stores each as a connection. Platform calls happen outside any transaction; a callback that fails stores nothing.
 */
@Component
public class OAuthFlows {

    public static final String CALLBACK_PATH = "/connections/callback/";

    private static final SecureRandom random = new SecureRandom();

    private final Providers providers;
    private final ConnectChoices choices;
    private final OAuthStates states;
    private final ConnectionStore store;
    private final TenantWork tenants;
    private final Vault vault;
    private final Memberships memberships;
    private final ConnectionRows rows;
    private final ConnectionsSettings settings;
    private final Clock clock;
    private final String publicUrl;

    OAuthFlows(
            Providers providers,
            OAuthStates states,
            ConnectionStore store,
            TenantWork tenants,
            Vault vault,
            Memberships memberships,
            ConnectionRows rows,
            ConnectionsSettings settings,
            Clock clock,
            @Value("${herald.public-url}") String publicUrl) {
        this.providers = providers;
        this.choices = new ConnectChoices(providers);
        this.states = states;
        this.store = store;
        this.tenants = tenants;
        this.vault = vault;
        this.memberships = memberships;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * What a connect asks for. {@code reconnect} names the connection being reconnected, if any; {@code server} is the
     * server the person named, for a platform that connects at one ({@link ConnectMethod#SERVER_OAUTH}).
     */
    public record Start(
            String provider,
            String accountType,
            ConnectFlow flow,
            @Nullable ConnectionId reconnect,
            @Nullable String server) {

        /** A connect to a platform of one server. */
        public Start(String provider, String accountType, ConnectFlow flow, @Nullable ConnectionId reconnect) {
            this(provider, accountType, flow, reconnect, null);
        }
    }

    /**
     * Starts a connect. The plan's connection limit is checked here, before the person is sent to the platform, and
     * once more when the accounts arrive. Reconnecting an existing connection does not count against it.
     */
    public OAuthSession start(WorkspaceId workspace, Start request, Initiator initiator) {
        SocialProvider provider = choices.consenting(request.provider());
        AccountType type = ConnectChoices.accountType(provider, request.accountType());
        Instant now = clock.instant();
        String state = randomState();
        Secret verifier = Pkce.verifier();
        UUID id = UUID.randomUUID();
        URI redirectUri = redirectUri(provider);
        String server = provider.connectMethod() == ConnectMethod.SERVER_OAUTH
                ? ConnectChoices.server(provider, request.server(), redirectUri)
                : null;
        Instant expiresAt = now.plus(settings.stateLifetime());
        tenants.run(workspace, () -> {
            if (request.reconnect() != null) {
                rows.find(workspace, request.reconnect())
                        .filter(stored -> stored.connection().provider().equals(provider.id()))
                        .orElseThrow(() -> Connections.notFound(request.reconnect()));
            } else {
                store.requireRoom(workspace, rows.countInUse(workspace), 1);
            }
            byte[] sealed = vault.seal(Slots.of(Slots.PKCE_VERIFIER, workspace, id), verifier);
            states.insert(
                    new OAuthStates.Pending(
                            workspace,
                            id,
                            provider.id(),
                            type,
                            request.flow(),
                            initiator,
                            request.reconnect(),
                            sealed,
                            redirectUri.toString(),
                            server,
                            expiresAt,
                            null),
                    OAuthStates.hash(state),
                    now);
        });
        // Every state has a verifier; the platform's authorize URL carries its challenge where the platform takes PKCE.
        URI url = provider.authorizationUrl(
                new AuthorizationRequest(state, redirectUri, Pkce.challenge(verifier), type, server));
        return new OAuthSession(url, state, expiresAt);
    }

    /** What the platform sent back to the callback. */
    public record Callback(
            @Nullable String state, @Nullable String code, @Nullable String error, @Nullable String errorDescription) {}

    /**
     * Completes a connect from the platform's callback. {@code signedIn} is the person whose browser brought it (null
     * without a Herald session): a connect started in the UI completes only for the person who started it.
     */
    public CompletedConnect complete(String providerId, Callback callback, @Nullable UserId signedIn) {
        SocialProvider provider = providers
                .find(providerId)
                .orElseThrow(() -> refused(Reason.UNKNOWN_STATE, "Herald does not know this platform.", null));
        var pending = consume(provider, callback.state(), signedIn);
        // From here on Herald acts for whoever started the connect (the person, key or agent of the state), not for
        // the callback's request, which has no session when an API or agent flow's consent comes back: the
        // verifier's decryption and the connection's entries name the initiator, with the callback's network origin.
        var origin = new AuditContext.Origin(
                pending.initiator().actor(),
                AuditContext.current().map(AuditContext.Origin::ip).orElse(null),
                AuditContext.current().map(AuditContext.Origin::userAgent).orElse(null));
        try (var ignored = AuditContext.bind(origin)) {
            return complete(provider, callback, pending);
        }
    }

    private CompletedConnect complete(SocialProvider provider, Callback callback, OAuthStates.Pending pending) {
        WorkspaceId workspace = pending.workspace();
        if (callback.error() != null) {
            throw refused(
                    Reason.DENIED,
                    "access_denied".equals(callback.error())
                            ? "You declined on " + provider.displayName() + ", so nothing was connected."
                            : provider.displayName() + " did not connect the account (" + callback.error()
                                    + "). Nothing was connected; try again.",
                    pending);
        }
        if (callback.code() == null || callback.code().isBlank()) {
            throw refused(
                    Reason.PROVIDER_FAILED,
                    provider.displayName() + " sent no authorization code. Nothing was connected; try again.",
                    pending);
        }
        Secret verifier = vault.open(Slots.of(Slots.PKCE_VERIFIER, workspace, pending.id()), pending.sealedVerifier());
        List<DiscoveredAccount> accounts;
        try {
            TokenGrant user =
                    provider.exchange(callback.code(), verifier, URI.create(pending.redirectUri()), pending.server());
            accounts = provider.discover(user, pending.accountType());
        } catch (ProviderException e) {
            throw refused(
                    Reason.PROVIDER_FAILED,
                    "Connecting to " + provider.displayName() + " failed: " + e.getMessage()
                            + " Nothing was connected; try again.",
                    pending);
        }
        try {
            List<Connection> stored = store.store(workspace, provider, accounts, pending.flow());
            return new CompletedConnect(workspace, pending.flow(), provider.id(), stored);
        } catch (LimitReached e) {
            store.revokeQuietly(provider, accounts);
            throw refused(Reason.LIMIT_REACHED, e.getMessage() + " Nothing was connected.", pending);
        }
    }

    /** Checks and consumes the state in one transaction under its row lock, so it is used at most once. */
    private OAuthStates.Pending consume(SocialProvider provider, @Nullable String state, @Nullable UserId signedIn) {
        String unknown = "This connect link is not valid (unknown state). Start again from the Connections page.";
        if (state == null || state.isBlank() || state.length() > 200) {
            throw refused(Reason.UNKNOWN_STATE, unknown, null);
        }
        var located = states.locate(state).orElseThrow(() -> refused(Reason.UNKNOWN_STATE, unknown, null));
        return tenants.call(located.workspace(), () -> {
            var pending = states.lock(located).orElseThrow(() -> refused(Reason.UNKNOWN_STATE, unknown, null));
            if (!pending.provider().equals(provider.id())) {
                throw refused(Reason.UNKNOWN_STATE, unknown, null);
            }
            if (pending.consumedAt() != null) {
                throw refused(
                        Reason.ALREADY_USED,
                        "This connect link was already used. Start again from the Connections page.",
                        pending);
            }
            if (!pending.expiresAt().isAfter(clock.instant())) {
                throw refused(
                        Reason.EXPIRED,
                        "This connect link expired (they last "
                                + settings.stateLifetime().toMinutes()
                                + " minutes). Start again from the Connections page.",
                        pending);
            }
            if (pending.flow() == ConnectFlow.UI) {
                checkSamePerson(pending, signedIn);
            }
            states.consume(located, clock.instant());
            return pending;
        });
    }

    private void checkSamePerson(OAuthStates.Pending pending, @Nullable UserId signedIn) {
        if (signedIn == null || !pending.initiator().id().equals(signedIn.toString())) {
            throw refused(
                    Reason.OTHER_USER,
                    "This connect was started by someone else or in another session. Sign in as the person who"
                            + " started it, or start again.",
                    pending);
        }
        boolean manages = memberships
                .roleOf(pending.workspace(), signedIn)
                .map(role -> role.atLeast(Role.ADMIN))
                .orElse(false);
        if (!manages) {
            throw refused(
                    Reason.NOT_PERMITTED, "You no longer manage the workspace this connect was started for.", pending);
        }
    }

    public URI redirectUri(SocialProvider provider) {
        return URI.create(publicUrl + CALLBACK_PATH + provider.id());
    }

    private static String randomState() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ConnectRefused refused(Reason reason, String message, OAuthStates.@Nullable Pending pending) {
        return new ConnectRefused(
                reason, message, pending == null ? null : pending.flow(), pending == null ? null : pending.workspace());
    }
}
