package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import herald.sandbox.SandboxClient.Pkce;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization-code grant with PKCE, driven through the consent form without a browser. */
class AuthorizationServerTests extends SandboxTest {

    @Test
    void theWholeCodeFlowGrantsTheChosenAccounts() {
        String handle = SandboxClient.uniqueHandle("flow");
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "krusty", handle);

        var response = sandbox.exchange(code, pkce);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var json = response.json();
        assertThat(json.path("token_type").asString()).isEqualTo("bearer");
        assertThat(json.path("expires_in").asLong()).isEqualTo(7200);
        assertThat(json.path("scope").asString()).isEqualTo("read write");
        assertThat(json.path("refresh_token").asString()).isNotBlank();
        assertThat(response.header("Cache-Control")).contains("no-store");
        var accounts = sandbox.accounts(json.path("access_token").asString());
        assertThat(accounts).extracting(SandboxClient.AccountTokens::handle).containsExactly("krusty", handle);
    }

    @Test
    void theConsentPageListsTheAccountsWithLabelsAndTheClientName() {
        var page = sandbox.authorizePage(SandboxClient.authorizeParams(Pkce.create(), "s"));

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body())
                .contains("@krusty", "@hults", "@sideshow")
                .contains("Test &lt;Client&gt;")
                .doesNotContain("Test <Client>")
                .contains("<label for=\"account-0\"")
                .contains("id=\"new-account\"", "<label for=\"new-account\"")
                .contains("value=\"approve\"", "value=\"deny\"")
                .contains("autofocus");
    }

    @Test
    void denyingRedirectsWithAccessDenied() {
        var response = sandbox.decide(SandboxClient.authorizeParams(Pkce.create(), "st-9"), "deny", "krusty");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).startsWith(SandboxClient.REDIRECT + "?");
        assertThat(response.redirectParams())
                .containsEntry("error", "access_denied")
                .containsEntry("state", "st-9")
                .doesNotContainKey("code");
    }

    @Test
    void approvingWithoutAnAccountShowsTheFormAgain() {
        var response = sandbox.decide(SandboxClient.authorizeParams(Pkce.create(), "s"), "approve", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Choose at least one account").contains("role=\"alert\"");
    }

    @Test
    void aMissingChallengeOrThePlainMethodRedirectsWithInvalidRequest() {
        Map<String, String> missing = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s1"));
        missing.remove("code_challenge");
        Map<String, String> plain = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s2"));
        plain.put("code_challenge_method", "plain");
        Map<String, String> noMethod = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s3"));
        noMethod.remove("code_challenge_method");

        for (var params : java.util.List.of(missing, plain, noMethod)) {
            var page = sandbox.authorizePage(params);
            assertThat(page.status()).as(page.toString()).isEqualTo(302);
            assertThat(page.redirectParams()).containsEntry("error", "invalid_request");
            var post = sandbox.decide(params, "approve", "krusty");
            assertThat(post.status()).as(post.toString()).isEqualTo(302);
            assertThat(post.redirectParams())
                    .containsEntry("error", "invalid_request")
                    .doesNotContainKey("code");
        }
    }

    @Test
    void anUnregisteredRedirectUriOrUnknownClientIsNeverRedirectedTo() {
        Map<String, String> wrongUri = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s"));
        wrongUri.put("redirect_uri", SandboxClient.REDIRECT + "/extra");
        Map<String, String> unknown = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s"));
        unknown.put("client_id", "nobody");

        for (var params : java.util.List.of(wrongUri, unknown)) {
            var page = sandbox.authorizePage(params);
            assertThat(page.status()).as(page.toString()).isEqualTo(400);
            assertThat(page.header("Location")).isNull();
            assertThat(page.body()).contains("cannot be authorized");
            var post = sandbox.decide(params, "approve", "krusty");
            assertThat(post.status()).isEqualTo(400);
            assertThat(post.header("Location")).isNull();
        }
    }

    @Test
    void aWrongVerifierIsRefusedAndSpendsTheCode() {
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "hults");

        var wrong = sandbox.exchange(code, Pkce.create());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(sandbox.exchange(code, pkce).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void theRedirectUriMustMatchTheAuthorizationRequest() {
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "hults");

        var response = sandbox.token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                "https://client.test/other",
                "code_verifier",
                pkce.verifier()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void clientsAuthenticateWithBasicAndTheirOwnSecret() {
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "hults");
        Map<String, String> params = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                SandboxClient.REDIRECT,
                "code_verifier",
                pkce.verifier());

        var badSecret = sandbox.token(params, SandboxClient.CLIENT, "not-the-secret");
        var unknown = sandbox.token(params, "nobody", SandboxClient.SECRET);
        var otherClient = sandbox.token(params, "other", "other-secret");

        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(badSecret.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(otherClient.status()).isEqualTo(400);
        assertThat(otherClient.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItWasExchangedFor() {
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "sideshow");
        var first = sandbox.exchange(code, pkce);
        assertThat(first.status()).isEqualTo(200);
        String access = first.json().path("access_token").asString();
        assertThat(sandbox.get("/sandbox/api/accounts", SandboxClient.bearer(access))
                        .status())
                .isEqualTo(200);

        var replay = sandbox.exchange(code, pkce);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(sandbox.get("/sandbox/api/accounts", SandboxClient.bearer(access))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void unknownGrantTypesAreUnsupported() {
        var response = sandbox.token(Map.of("grant_type", "password", "username", "krusty"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theStoredCodesAndTokensAreOnlyHashes(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        var tokens = sandbox.connect("krusty");
        String hex = java.util.HexFormat.of().formatHex(Secrets.sha256(tokens.accessToken()));

        assertThat(jdbc.sql("select count(*) from sandbox_tokens where encode(token_hash, 'hex') = :hex")
                        .param("hex", hex)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from sandbox_tokens where position(:token in encode(token_hash, 'escape')) > 0")
                        .param("token", tokens.accessToken())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCodeOlderThan60SecondsIsRefused(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Pkce pkce = Pkce.create();
        String code = sandbox.code(pkce, "krusty");
        jdbc.sql("update sandbox_authorization_codes set expires_at = now() - interval '1 second'"
                        + " where code_hash = :hash")
                .param("hash", Secrets.sha256(code))
                .update();

        var response = sandbox.exchange(code, pkce);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(response.json().path("error_description").asString()).contains("expired");
    }

    @Test
    void heraldIsARegisteredClientWithItsCallback() {
        Map<String, String> params = new LinkedHashMap<>(SandboxClient.authorizeParams(Pkce.create(), "s"));
        params.put("client_id", "herald");
        params.put("redirect_uri", "http://localhost:8080/connections/callback/sandbox");

        var page = sandbox.authorizePage(params);

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Allow <span>Herald</span>");
    }
}
