package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the Sandbox over real HTTP, as Herald's sandbox provider (or any program) would be. */
final class SandboxClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CLIENT = "test";
    static final String SECRET = "test-client-secret";
    static final String REDIRECT = "https://client.test/callback";
    static final String ADMIN = "test-sandbox-admin-token";

    private final String base;
    private final HttpClient http;

    SandboxClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Response(int status, HttpHeaders headers, String body) {

        @Nullable
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The query parameters of the Location header. */
        Map<String, String> redirectParams() {
            String location = header("Location");
            assertThat(location).as("Location of %s", this).isNotNull();
            String query = URI.create(location).getRawQuery();
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return params;
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }

    /** A PKCE verifier and its S256 challenge, computed independently of the server's code. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record UserTokens(String accessToken, String refreshToken, JsonNode json) {}

    record AccountTokens(String id, String handle, String accessToken, String refreshToken, JsonNode json) {}

    static String uniqueHandle(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    static Map<String, String> authorizeParams(Pkce pkce, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "read write");
        params.put("state", state);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    Response authorizePage(Map<String, String> params) {
        return get("/sandbox/oauth/authorize?" + form(params), Map.of());
    }

    /** Submits the consent form with {@code decision} and {@code account} values. */
    Response decide(Map<String, String> params, String decision, String... handles) {
        List<String[]> fields = new ArrayList<>();
        params.forEach((name, value) -> fields.add(new String[] {name, value}));
        for (String handle : handles) {
            fields.add(new String[] {"account", handle});
        }
        fields.add(new String[] {"decision", decision});
        String body = fields.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Approves the handles and returns the code. */
    String code(Pkce pkce, String... handles) {
        Response response = decide(authorizeParams(pkce, "st-1"), "approve", handles);
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        Map<String, String> params = response.redirectParams();
        assertThat(params).containsEntry("state", "st-1");
        return params.get("code");
    }

    Response token(Map<String, String> params) {
        return token(params, CLIENT, SECRET);
    }

    Response token(Map<String, String> params, String client, String secret) {
        return post("/sandbox/oauth/token", params, client, secret);
    }

    Response exchange(String code, Pkce pkce) {
        return token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                pkce.verifier()));
    }

    Response refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    Response revoke(String token) {
        return post("/sandbox/oauth/revoke", Map.of("token", token), CLIENT, SECRET);
    }

    /** The whole authorization-code flow for these handles: consent, code, exchange. */
    UserTokens connect(String... handles) {
        Pkce pkce = Pkce.create();
        Response response = exchange(code(pkce, handles), pkce);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        return new UserTokens(
                json.path("access_token").asString(), json.path("refresh_token").asString(), json);
    }

    List<AccountTokens> accounts(String userToken) {
        Response response = get("/sandbox/api/accounts", bearer(userToken));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<AccountTokens> accounts = new ArrayList<>();
        for (JsonNode account : response.json().path("data")) {
            accounts.add(new AccountTokens(
                    account.path("id").asString(),
                    account.path("handle").asString(),
                    account.path("accessToken").asString(),
                    account.path("refreshToken").asString(),
                    account));
        }
        return accounts;
    }

    /** Connects one new account and returns its account tokens. */
    AccountTokens account(String handle) {
        return accounts(connect(handle).accessToken()).getFirst();
    }

    Response get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Response api(String method, String path, @Nullable String token, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    Response admin(String method, String path, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    Response post(String path, Map<String, String> form, String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
