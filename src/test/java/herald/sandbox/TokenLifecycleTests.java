package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Account tokens, refresh rotation, replay, revocation, expiry and the admin knobs that break tokens on purpose. */
class TokenLifecycleTests extends SandboxTest {

    @Test
    void eachGrantedAccountGetsItsOwnTokensThatWorkOnMe() {
        String a = SandboxClient.uniqueHandle("pagea");
        String b = SandboxClient.uniqueHandle("pageb");
        var user = sandbox.connect(a, b);

        var accounts = sandbox.accounts(user.accessToken());

        assertThat(accounts).hasSize(2);
        for (var account : accounts) {
            assertThat(account.json().path("expiresIn").asLong()).isEqualTo(7200);
            assertThat(account.json().path("avatarUrl").asString())
                    .startsWith("http://localhost:" + port + "/sandbox/@");
            var me = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().path("handle").asString()).isEqualTo(account.handle());
            assertThat(me.json().path("id").asString()).isEqualTo(account.id());
        }
        assertThat(accounts.get(0).accessToken()).isNotEqualTo(accounts.get(1).accessToken());
        assertThat(sandbox.api("GET", "/sandbox/api/me", user.accessToken(), null)
                        .status())
                .as("a user token is not an account token")
                .isEqualTo(403);
        assertThat(sandbox.api("GET", "/sandbox/api/accounts", accounts.get(0).accessToken(), null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aMissingOrUnknownTokenIsInvalid() {
        var none = sandbox.api("GET", "/sandbox/api/me", null, null);
        var unknown = sandbox.api("GET", "/sandbox/api/me", "sat_nothing", null);

        for (var response : java.util.List.of(none, unknown)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("error").asString()).isEqualTo("invalid_token");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenIsSpent() {
        var account = sandbox.account(SandboxClient.uniqueHandle("rot"));

        var first = sandbox.refresh(account.refreshToken());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String newAccess = first.json().path("access_token").asString();
        String newRefresh = first.json().path("refresh_token").asString();
        assertThat(newRefresh).isNotEqualTo(account.refreshToken());
        assertThat(newAccess).isNotEqualTo(account.accessToken());
        assertThat(sandbox.api("GET", "/sandbox/api/me", newAccess, null).status())
                .isEqualTo(200);
        assertThat(sandbox.refresh(newRefresh).status()).isEqualTo(200);
    }

    @Test
    void aReplayedRefreshTokenIsRefusedAndRevokesTheWholeFamily() {
        var account = sandbox.account(SandboxClient.uniqueHandle("replay"));
        var rotated = sandbox.refresh(account.refreshToken()).json();
        String siblingAccess = rotated.path("access_token").asString();
        String siblingRefresh = rotated.path("refresh_token").asString();
        assertThat(sandbox.api("GET", "/sandbox/api/me", siblingAccess, null).status())
                .isEqualTo(200);

        var replay = sandbox.refresh(account.refreshToken());

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(sandbox.api("GET", "/sandbox/api/me", siblingAccess, null).status())
                .isEqualTo(401);
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(401);
        assertThat(sandbox.refresh(siblingRefresh).json().path("error").asString())
                .isEqualTo("invalid_grant");
    }

    @Test
    void revokingAnyTokenRevokesItsFamilyAndAnswers200Always() {
        var account = sandbox.account(SandboxClient.uniqueHandle("revoke"));

        var revoked = sandbox.revoke(account.refreshToken());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(401);
        assertThat(sandbox.refresh(account.refreshToken()).json().path("error").asString())
                .isEqualTo("invalid_grant");
        assertThat(sandbox.revoke("srt_unknown").status()).isEqualTo(200);
        assertThat(sandbox.post("/sandbox/oauth/revoke", java.util.Map.of("token", "x"), "test", "wrong")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anotherClientCannotRefreshOrRevokeTheTokens() {
        var account = sandbox.account(SandboxClient.uniqueHandle("foreign"));

        var refresh = sandbox.token(
                java.util.Map.of("grant_type", "refresh_token", "refresh_token", account.refreshToken()),
                "other",
                "other-secret");
        sandbox.post(
                "/sandbox/oauth/revoke", java.util.Map.of("token", account.accessToken()), "other", "other-secret");

        assertThat(refresh.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expireTokensMakesAccessTokensExpiredButRefreshStillWorks() {
        String handle = SandboxClient.uniqueHandle("expire");
        var account = sandbox.account(handle);

        var expired = sandbox.admin("POST", "/sandbox/admin/accounts/" + handle + "/expire-tokens", null);

        assertThat(expired.status()).isEqualTo(200);
        var me = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().path("error").asString()).isEqualTo("invalid_token");
        assertThat(me.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        var refreshed = sandbox.refresh(account.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(sandbox.api(
                                "GET",
                                "/sandbox/api/me",
                                refreshed.json().path("access_token").asString(),
                                null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void revokeTokensRevokesTheAccountsUserAndAccountTokens() {
        String handle = SandboxClient.uniqueHandle("revall");
        var user = sandbox.connect(handle);
        var account = sandbox.accounts(user.accessToken()).getFirst();
        var bystander = sandbox.account(SandboxClient.uniqueHandle("bystander"));

        var response = sandbox.admin("POST", "/sandbox/admin/accounts/" + handle + "/revoke-tokens", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("revokedFamilies").asInt()).isEqualTo(2);
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(401);
        assertThat(sandbox.api("GET", "/sandbox/api/accounts", user.accessToken(), null)
                        .status())
                .isEqualTo(401);
        assertThat(sandbox.refresh(account.refreshToken()).status()).isEqualTo(400);
        assertThat(sandbox.api("GET", "/sandbox/api/me", bystander.accessToken(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refuseRefreshAnswersInvalidGrantWithoutSpendingTheToken() {
        var account = sandbox.account(SandboxClient.uniqueHandle("refuse"));
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"refuseRefresh\":true}");

        var refused = sandbox.refresh(account.refreshToken());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asString()).isEqualTo("invalid_grant");
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);
        assertThat(sandbox.refresh(account.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void statsCountRefreshesPerAccount() {
        String handle = SandboxClient.uniqueHandle("stats");
        var account = sandbox.account(handle);
        long refreshesBefore = sandbox.admin("GET", "/sandbox/admin/stats", null)
                .json()
                .path("tokenRequests")
                .path("refresh_token")
                .asLong();

        sandbox.refresh(account.refreshToken());

        var stats = sandbox.admin("GET", "/sandbox/admin/stats", null).json();
        assertThat(stats.path("refreshesByAccount").path(handle).asLong()).isEqualTo(1);
        assertThat(stats.path("tokenRequests").path("refresh_token").asLong()).isEqualTo(refreshesBefore + 1);
        assertThat(stats.path("tokenRequests").path("authorization_code").asLong())
                .isPositive();
        var reset = sandbox.admin("DELETE", "/sandbox/admin/stats", null).json();
        assertThat(reset.path("refreshesByAccount").path(handle).isMissingNode())
                .isTrue();
        assertThat(reset.path("tokenRequests").path("refresh_token").asLong()).isZero();
    }

    @Test
    void anExpiredRefreshTokenIsRefused(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        var account = sandbox.account(SandboxClient.uniqueHandle("old"));
        jdbc.sql("update sandbox_tokens set expires_at = now() - interval '1 second' where token_hash = :hash")
                .param("hash", Secrets.sha256(account.refreshToken()))
                .update();

        var response = sandbox.refresh(account.refreshToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(response.json().path("error_description").asString()).contains("expired");
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenLeaveOneWinnerAndThenRevokeTheFamily() throws Exception {
        String handle = SandboxClient.uniqueHandle("race");
        var account = sandbox.account(handle);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<SandboxClient.Response> refresh = () -> {
            start.await();
            return sandbox.refresh(account.refreshToken());
        };
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = threads.submit(refresh);
            var second = threads.submit(refresh);
            start.countDown();
            var statuses = java.util.List.of(first.get().status(), second.get().status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
            var winner = first.get().status() == 200 ? first.get() : second.get();
            assertThat(sandbox.api(
                                    "GET",
                                    "/sandbox/api/me",
                                    winner.json().path("access_token").asString(),
                                    null)
                            .status())
                    .as("the loser presented a spent token, which revokes the family, the winner's new tokens too")
                    .isEqualTo(401);
        }
        assertThat(sandbox.admin("GET", "/sandbox/admin/stats", null)
                        .json()
                        .path("refreshesByAccount")
                        .path(handle)
                        .asLong())
                .isEqualTo(2);
    }
}
