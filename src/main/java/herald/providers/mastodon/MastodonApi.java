package herald.providers.mastodon;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.shared.PublicHosts;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Mastodon's REST API at any server, each answer read whole. One client serves every server: its resolver refuses a
 * host that resolves to an internal address at every connection (unless the operator named it a local server), so a
 * name pointed at Herald's own network after it was checked is still not called. No redirects are followed and no
 * request is retried by the client. No answer in time is transient, except for a post: a read timeout after sending
 * one is an unknown outcome.
 */
final class MastodonApi {

    /**
     * The longest answer Herald reads from a server: a page of 40 statuses is a few hundred kilobytes; a server a person
     * named could otherwise answer without end.
     */
    static final int MAX_ANSWER_BYTES = 4_000_000;

    private final PublicHosts hosts;
    private final RestClient http;
    private final RestClient uploads;

    MastodonApi(MastodonSettings settings) {
        this.hosts = PublicHosts.allowing(settings.localServers());
        this.http = client(hosts, settings.connectTimeout(), settings.readTimeout());
        this.uploads = client(hosts, settings.connectTimeout(), settings.uploadTimeout());
    }

    private static RestClient client(PublicHosts hosts, Duration connect, Duration read) {
        return RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(
                        hosts.client(connect, read, 0).build()))
                .build();
    }

    PublicHosts hosts() {
        return hosts;
    }

    /** {@code path} (with its query) at {@code server}: over http for a local server, https for every other. */
    URI url(String server, String path) {
        String scheme = hosts.allowed(ServerNames.host(server)) ? "http" : "https";
        return URI.create(scheme + "://" + server + path);
    }

    /** A GET, with the account's bearer unless {@code token} is null (a public call). */
    PlatformAnswer get(String server, @Nullable Secret token, String path, String what) {
        RestClient.RequestHeadersSpec<?> request =
                http.get().uri(url(server, path)).accept(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token.reveal()));
        }
        return send(request, server, what, false);
    }

    /** A form POST (apps, OAuth), with the account's bearer unless {@code token} is null. */
    PlatformAnswer form(
            String server, @Nullable Secret token, String path, MultiValueMap<String, String> form, String what) {
        RestClient.RequestBodySpec request = http.post()
                .uri(url(server, path))
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token.reveal()));
        }
        return send(request.body(form), server, what, false);
    }

    /**
     * A JSON POST that creates a status, with its {@code Idempotency-Key}: a request that went out without an answer
     * may have created it, so the caller looks before any second try (which sends the same key).
     */
    PlatformAnswer create(MastodonCredential account, String path, String body, String idempotencyKey, String what) {
        RestClient.RequestHeadersSpec<?> request = http.post()
                .uri(url(account.server(), path))
                .headers(headers -> {
                    headers.setBearerAuth(account.accessToken().reveal());
                    headers.set("Idempotency-Key", idempotencyKey);
                })
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
        return send(request, account.server(), what, true);
    }

    /**
     * {@code POST /api/v2/media}: the file as a multipart part with its type, and its description (alt text). An
     * upload whose answer was lost is uploaded again: an attachment no status uses is only a leftover at the server.
     */
    PlatformAnswer upload(
            MastodonCredential account,
            byte[] bytes,
            String contentType,
            String filename,
            String description,
            String what) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.INVALID_CONTENT,
                    "Herald cannot send " + what + ": its media type '" + contentType + "' is not valid.");
        }
        var parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(bytes)).filename(filename).contentType(type);
        if (!description.isBlank()) {
            parts.part("description", description);
        }
        RestClient.RequestHeadersSpec<?> request = uploads.post()
                .uri(url(account.server(), "/api/v2/media"))
                .headers(headers -> headers.setBearerAuth(account.accessToken().reveal()))
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build());
        return send(request, account.server(), what, false);
    }

    private static PlatformAnswer send(
            RestClient.RequestHeadersSpec<?> request, String server, String what, boolean creates) {
        try {
            return PlatformAnswer.read(request, MAX_ANSWER_BYTES);
        } catch (PlatformAnswer.TooLarge e) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.PERMISSION,
                    "The Mastodon server " + server + " answered " + what + " with more than "
                            + MAX_ANSWER_BYTES / 1_000_000 + " MB, more than any Mastodon answer; Herald stopped"
                            + " reading it.");
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof PublicHosts.Refused) {
                throw internal(server);
            }
            if (!creates || ProviderHttp.notSent(e)) {
                throw PlatformAnswer.unreachable(MastodonProvider.ID, "The Mastodon server " + server, what);
            }
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "The Mastodon server " + server + " did not answer " + what + " in time after it was sent; it may"
                            + " have been published, so Herald looks for it before trying again.");
        }
    }

    /** A server whose name now resolves to an internal address: Herald does not call it. */
    static ProviderException internal(String server) {
        return new ProviderException(
                MastodonProvider.ID,
                Kind.PERMISSION,
                "The Mastodon server " + server + " resolves to an internal address, which Herald does not call;"
                        + " name a public Mastodon server (e.g. mastodon.social).");
    }
}
