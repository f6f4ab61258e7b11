package herald.providers.meta;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Graph API as Meta's official SDK does: the access token as the {@code access_token} parameter (query for
 * reads, form body for writes), with {@code appsecret_proof} so the app may require it. Before each call it asks
 * {@link GraphUsage} whether Herald should hold back; after each it records the usage Meta reported. Errors come out in
 * Herald's taxonomy; a call that creates something and got no answer after it was sent is {@code UNKNOWN_OUTCOME}.
 * Neither URLs (which carry tokens) nor the HTTP client's exceptions ever reach a message.
 */
public final class GraphClient {

    private final String provider;
    private final String platform;
    private final GraphApi api;
    private final GraphUsage usage;
    private final GraphErrors errors;
    private final RestClient http;

    public GraphClient(String provider, String platform, GraphApi api, GraphUsage usage, JsonMapper json) {
        this.provider = provider;
        this.platform = platform;
        this.api = api;
        this.usage = usage;
        this.errors = new GraphErrors(provider, platform, json, usage);
        this.http = ProviderHttp.client(api.connectTimeout(), api.readTimeout());
    }

    public GraphApi api() {
        return api;
    }

    /** Reads {@code path} as the token's holder; {@code subject} is the Page or account the call is about. */
    public JsonNode get(String path, Map<String, String> query, Secret token, String what, @Nullable String subject) {
        Map<String, String> params = withToken(query, token);
        return send(http.get().uri(api.url(path, params)), what, subject, false, token);
    }

    /** Writes a form to {@code path}; {@code creates} when the call may create what people see (a post). */
    public JsonNode post(
            String path,
            Map<String, String> form,
            Secret token,
            String what,
            @Nullable String subject,
            boolean creates) {
        Map<String, String> params = withToken(form, token);
        return send(
                http.post()
                        .uri(api.url(path, Map.of()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(GraphApi.form(params)),
                what,
                subject,
                creates,
                token);
    }

    /** Uploads {@code bytes} as the multipart file part {@code file} with the other {@code fields}. */
    public JsonNode upload(
            String path,
            Map<String, String> fields,
            String file,
            byte[] bytes,
            String contentType,
            Secret token,
            String what,
            @Nullable String subject,
            boolean creates) {
        var body = new MultipartBodyBuilder();
        withToken(fields, token).forEach(body::part);
        body.part(file, new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return "upload" + extension(contentType);
                    }
                })
                .contentType(MediaType.parseMediaType(contentType));
        return send(
                http.post()
                        .uri(api.url(path, Map.of()))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(body.build()),
                what,
                subject,
                creates,
                token);
    }

    /** Deletes {@code path}; Meta answers {@code true} or {@code {"success":true}}, so the body is not read. */
    public void delete(String path, Secret token, String what) {
        answer(http.delete().uri(api.url(path, withToken(Map.of(), token))), what, null, false, token.reveal());
    }

    /** {@code GET oauth/access_token} with the app's id and secret, as Facebook Login's code flow documents it. */
    public JsonNode token(Map<String, String> query, String what, String... secrets) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", api.clientId());
        params.put("client_secret", api.clientSecret());
        params.putAll(query);
        String[] scrubbed = java.util.Arrays.copyOf(secrets, secrets.length + 1);
        scrubbed[secrets.length] = api.clientSecret();
        return send(http.get().uri(api.url("oauth/access_token", params)), what, null, false, scrubbed);
    }

    /** {@code GET debug_token} for {@code token}, authenticated as the app. */
    public JsonNode debug(Secret token, String what) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("input_token", token.reveal());
        params.put("access_token", api.appToken());
        return send(http.get().uri(api.url("debug_token", params)), what, null, false, token.reveal(), api.appToken());
    }

    private Map<String, String> withToken(Map<String, String> values, Secret token) {
        Map<String, String> params = new LinkedHashMap<>(values);
        params.put("access_token", token.reveal());
        if (!api.clientSecret().isBlank()) {
            params.put("appsecret_proof", proof(token));
        }
        return params;
    }

    /** {@code appsecret_proof}: HMAC-SHA256 of the access token keyed with the app secret, in hex. */
    private String proof(Secret token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(api.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private JsonNode send(
            RestClient.RequestHeadersSpec<?> request,
            String what,
            @Nullable String subject,
            boolean creates,
            Secret token) {
        return send(request, what, subject, creates, token.reveal());
    }

    private JsonNode send(
            RestClient.RequestHeadersSpec<?> request,
            String what,
            @Nullable String subject,
            boolean creates,
            String... secrets) {
        return errors.parse(answer(request, what, subject, creates, secrets), what);
    }

    private PlatformAnswer answer(
            RestClient.RequestHeadersSpec<?> request,
            String what,
            @Nullable String subject,
            boolean creates,
            String... secrets) {
        String appKey = "app:" + api.clientId();
        if (subject == null) {
            usage.check(provider, platform, appKey);
        } else {
            usage.check(provider, platform, appKey, subject);
        }
        PlatformAnswer answer;
        try {
            answer = PlatformAnswer.read(request.accept(MediaType.APPLICATION_JSON));
        } catch (ResourceAccessException e) {
            // The exception's message holds the URL and so the token: neither it nor its cause goes further.
            if (creates && !ProviderHttp.notSent(e)) {
                throw new ProviderException(
                        provider,
                        Kind.UNKNOWN_OUTCOME,
                        platform + " did not answer " + what + " in time after it was sent; it may have been"
                                + " published.");
            }
            throw new ProviderException(
                    provider,
                    Kind.TRANSIENT,
                    platform + " did not answer " + what + " in time or could not be reached; Herald will try again.");
        }
        usage.record(answer.headers(), appKey, subject);
        if (!answer.ok()) {
            throw errors.failure(answer, what, secrets);
        }
        return answer;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/bmp" -> ".bmp";
            case "image/tiff" -> ".tiff";
            default -> "";
        };
    }
}
