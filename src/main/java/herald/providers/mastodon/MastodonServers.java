package herald.providers.mastodon;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.ServerClients;
import herald.providers.ServerClients.ServerClient;
import herald.providers.ServerLimits;
import herald.vault.Secret;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The servers people name, and Herald's client at each: a name is read ({@link ServerNames}), refused when Herald may
 * not call it (it does not resolve, or resolves to an internal address that is not a local server) or when it is no
 * Mastodon server ({@code GET /api/v2/instance} must answer its {@code domain} and {@code configuration}), and Herald
 * registers itself there the first time ({@code POST /api/v1/apps}) and keeps the client in {@link ServerClients}.
 */
final class MastodonServers {

    /** What Herald asks each account for: reading itself and its posts, writing posts and their media. */
    static final String SCOPES = "read:accounts read:statuses write:statuses write:media";

    private final MastodonSettings settings;
    private final MastodonApi api;
    private final MastodonErrors errors;
    private final ServerClients clients;
    private final ServerLimits limits;

    MastodonServers(
            MastodonSettings settings,
            MastodonApi api,
            MastodonErrors errors,
            ServerClients clients,
            ServerLimits limits) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.clients = clients;
        this.limits = limits;
    }

    /** The server {@code named} names, checked, once Herald is its client for {@code redirectUri}. */
    String name(String named, URI redirectUri) {
        String server = ServerNames.authority(named)
                .orElseThrow(() -> refused("“" + clip(named) + "” is not the name of a server: give the address of"
                        + " your Mastodon server, e.g. mastodon.social, or your handle, e.g. @alice@mastodon.social."));
        reachable(server);
        mastodon(server);
        client(server, redirectUri);
        return server;
    }

    /** Herald's client at {@code server} for {@code redirectUri}: the one kept, else a new registration kept now. */
    ServerClient client(String server, URI redirectUri) {
        return clients.find(MastodonProvider.ID, server, redirectUri)
                .orElseGet(() -> clients.keep(MastodonProvider.ID, server, redirectUri, register(server, redirectUri)));
    }

    /** The client kept for {@code server}, which {@link #name} registered before the consent began. */
    ServerClient kept(String server, URI redirectUri) {
        return clients.find(MastodonProvider.ID, server, redirectUri)
                .orElseThrow(() -> refused("Herald is not registered at the Mastodon server " + server
                        + " for this address; start connecting again."));
    }

    private void reachable(String server) {
        String host = ServerNames.host(server);
        Optional<InetAddress> internal;
        try {
            internal = api.hosts().internalAddress(host);
        } catch (UnknownHostException e) {
            throw refused("No server answers to the name " + host + ": check its spelling (e.g. mastodon.social).");
        }
        if (internal.isPresent()) {
            throw MastodonApi.internal(server);
        }
    }

    private void mastodon(String server) {
        PlatformAnswer answer = api.get(server, null, "/api/v2/instance", "the question which server it is");
        if (answer.status() == 429 || answer.status() >= 500) {
            throw errors.failure(answer, "the question which server it is");
        }
        JsonNode instance = answer.status() == 200 ? errors.tree(answer) : null;
        if (instance == null
                || !instance.isObject()
                || ProviderJson.text(instance, "domain") == null
                || !instance.path("configuration").isObject()) {
            throw refused(server + " does not answer as a Mastodon server (version 4.0 or later) does; check the"
                    + " name of your server.");
        }
        limits.keep(MastodonProvider.ID, server, limits(instance.path("configuration")));
    }

    /**
     * What the server's {@code configuration} says a status may carry ({@code statuses.max_characters}, {@code
     * .max_media_attachments}, {@code .characters_reserved_per_url}); Mastodon's defaults for what it leaves out or
     * gives as no positive number.
     */
    static ServerLimits.Limits limits(JsonNode configuration) {
        JsonNode statuses = configuration.path("statuses");
        return new ServerLimits.Limits(
                positive(statuses.path("max_characters"), MastodonContent.MAX_CHARACTERS),
                positive(statuses.path("max_media_attachments"), MastodonContent.MAX_MEDIA),
                positive(statuses.path("characters_reserved_per_url"), MastodonContent.URL_CHARACTERS));
    }

    private static int positive(JsonNode number, int otherwise) {
        return number.isIntegralNumber() && number.asInt() > 0 && number.asInt() <= 1_000_000
                ? number.asInt()
                : otherwise;
    }

    private ServerClient register(String server, URI redirectUri) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_name", settings.clientName());
        form.add("redirect_uris", redirectUri.toString());
        form.add("scopes", SCOPES);
        form.add("website", redirectUri.getScheme() + "://" + redirectUri.getRawAuthority());
        String what = "Herald's registration";
        PlatformAnswer answer = api.form(server, null, "/api/v1/apps", form, what);
        if (!answer.ok()) {
            if (answer.status() == 429 || answer.status() >= 500) {
                throw errors.failure(answer, what);
            }
            throw refused("The Mastodon server " + server + " refused to register Herald (HTTP " + answer.status() + ")"
                    + errors.said(answer));
        }
        JsonNode app = errors.parse(answer, what);
        String clientId = ProviderJson.text(app, "client_id");
        String clientSecret = ProviderJson.text(app, "client_secret");
        if (clientId == null || clientSecret == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.TRANSIENT,
                    "The Mastodon server " + server + " answered " + what + " without a client id and secret.");
        }
        return new ServerClient(clientId, Secret.of(clientSecret));
    }

    private static ProviderException refused(String message) {
        return new ProviderException(MastodonProvider.ID, Kind.PERMISSION, message);
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() > 80 ? stripped.substring(0, 80) + "…" : stripped;
    }
}
