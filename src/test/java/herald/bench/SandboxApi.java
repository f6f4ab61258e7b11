package herald.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone Sandbox as the harness uses it, only over its HTTP API (docs/sandbox-api.md): accounts and their
 * tokens through one consent, the fault knobs, the public listing that counts what was really published, and the raw
 * publish calls that give the machine's limit.
 */
final class SandboxApi {

    static final String ADMIN = "bench-sandbox-admin-token";
    static final String CLIENT_SECRET = "sandbox-local-client-secret";
    static final String REDIRECT = "http://localhost:9/bench-callback";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Sandbox account with its own token family. */
    record Account(String id, String handle, String accessToken, String refreshToken, long expiresIn) {}

    /** One post the Sandbox holds. */
    record Held(String text, Instant createdAt) {}

    final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    SandboxApi(int port) {
        this.base = "http://localhost:" + port + "/sandbox";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(List<Map.Entry<String, String>> fields) {
        var out = new StringBuilder();
        for (var field : fields) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Creates the accounts (an unknown handle on the consent form creates one) and returns each with its tokens. */
    List<Account> accounts(List<String> handles) {
        List<Account> all = new ArrayList<>();
        for (int from = 0; from < handles.size(); from += 250) {
            all.addAll(consent(handles.subList(from, Math.min(handles.size(), from + 250))));
        }
        return all;
    }

    private List<Account> consent(List<String> handles) {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge;
        try {
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("response_type", "code"),
                Map.entry("client_id", "herald"),
                Map.entry("redirect_uri", REDIRECT),
                Map.entry("scope", "read write"),
                Map.entry("state", "bench"),
                Map.entry("code_challenge", challenge),
                Map.entry("code_challenge_method", "S256"),
                Map.entry("decision", "approve")));
        handles.forEach(handle -> fields.add(Map.entry("account", handle)));
        var approved = send(HttpRequest.newBuilder(URI.create(base + "/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
        String location = approved.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "The Sandbox's consent answered " + approved.statusCode() + ": " + approved.body()));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("No code in " + location);
        }
        var token = send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("herald:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(List.of(
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("code", URLDecoderless.decode(code.group(1))),
                        Map.entry("redirect_uri", REDIRECT),
                        Map.entry("code_verifier", verifier)))))
                .build());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("The Sandbox refused the code: " + token.body());
        }
        String user = JSON.readTree(token.body()).path("access_token").asString();
        var listed = send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
                .header("Authorization", "Bearer " + user)
                .build());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode a : JSON.readTree(listed.body()).path("data")) {
            accounts.add(new Account(
                    a.path("id").asString(),
                    a.path("handle").asString(),
                    a.path("accessToken").asString(),
                    a.path("refreshToken").asString(),
                    a.path("expiresIn").asLong()));
        }
        if (accounts.size() != handles.size()) {
            throw new IllegalStateException("Asked for " + handles.size() + " accounts, got " + accounts.size());
        }
        return accounts;
    }

    /** States the whole set of faults (docs/sandbox-api.md): a field left out is off. */
    void faults(String json) {
        var response = send(HttpRequest.newBuilder(URI.create(base + "/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Faults refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** Text → the posts with that text, of every account: the Sandbox's own record of what was published. */
    Map<String, List<Held>> published(List<String> handles) {
        Map<String, List<Held>> byText = new HashMap<>();
        for (String handle : handles) {
            var response =
                    send(HttpRequest.newBuilder(URI.create(base + "/api/accounts/" + handle + "/posts?limit=100"))
                            .build());
            JsonNode data = JSON.readTree(response.body()).path("data");
            if (data.size() >= 100) {
                throw new IllegalStateException("@" + handle + " holds 100 posts or more: the listing cannot count it");
            }
            for (JsonNode post : data) {
                byText.computeIfAbsent(post.path("text").asString(), t -> new ArrayList<>())
                        .add(new Held(
                                post.path("text").asString(),
                                Instant.parse(post.path("createdAt").asString())));
            }
        }
        return byText;
    }

    /**
     * The raw limit: {@code count} creates sent straight to the publish API by {@code concurrency} workers, round robin
     * over the accounts. Returns the seconds from the first send to the last answer, and counts non-201 answers.
     */
    double raw(List<Account> accounts, int count, int concurrency, String label, AtomicInteger refused)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            done.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Account account = accounts.get(i % accounts.size());
                    String body = "{\"text\":\"raw " + label + " " + run + " " + i + "\"}";
                    var response = send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
                            .header("Authorization", "Bearer " + account.accessToken())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
                    if (response.statusCode() != 201) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        return seconds;
    }

    /** The Sandbox's codes are URL-safe; the Location header carries them encoded. */
    static final class URLDecoderless {
        static String decode(String value) {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
