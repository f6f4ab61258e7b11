package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Review links over REST: made by writers (the URL answered once), listed, revoked; bad input is a problem. */
class ReviewLinkApiTests extends ApiTest {

    @Autowired
    TenantScope tenants;

    static final Instant FROM = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant TO = FROM.plus(30, ChronoUnit.DAYS);

    @Test
    void aWriterMakesALinkWhoseUrlIsAnsweredOnceThenListsAndRevokesIt() {
        Workspace ws = provision();
        ConnectionId account = TenantFixtures.sandboxAccount(tenants, jdbc, WorkspaceId.of(ws.id()), "api" + suffix());
        String writer = key(ws, "write");

        var created = api.post(
                ws.path("/review-links"),
                writer,
                """
                {"label":"Acme marketing team","from":"%s","to":"%s","accountIds":["%s"],"tag":"promo",
                 "mayApprove":true,"expiresInDays":7}"""
                        .formatted(FROM, TO, account.value()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.json().path("url").asString();
        assertThat(url).contains("/review/");
        String id = created.json().path("link").path("id").asString();
        assertThat(created.header("Location")).endsWith("/review-links/" + id);
        assertThat(created.json().path("link").path("status").asString()).isEqualTo("active");
        assertThat(created.json().path("link").path("mayApprove").asBoolean()).isTrue();
        assertThat(created.json().path("link").path("accountIds").get(0).asString())
                .isEqualTo(account.value().toString());
        String token = url.substring(url.lastIndexOf('/') + 1);
        var listed = api.get(ws.path("/review-links"), key(ws, "read"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token).contains("Acme marketing team");
        assertThat(api.get(ws.path("/review-links/" + id), writer).body()).doesNotContain(token);

        var revoked = api.send("DELETE", ws.path("/review-links/" + id), writer, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
        var audited = api.get(ws.path("/audit-events?action=review_link.created"), ws.token());
        assertThat(audited.json().path("items")).hasSize(1);
        assertThat(audited.body()).doesNotContain(token);
        assertThat(api.get(ws.path("/audit-events?action=review_link.revoked"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndMakesNothing() {
        Workspace ws = provision();

        assertField(ws, "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(FROM, TO), "label");
        assertField(ws, "{\"label\":\"X\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(TO, FROM), "to");
        assertField(ws, "{\"label\":\"X\",\"to\":\"%s\"}".formatted(TO), "from");
        assertField(
                ws,
                "{\"label\":\"X\",\"from\":\"%s\",\"to\":\"%s\",\"expiresInDays\":91}".formatted(FROM, TO),
                "expiresInDays");
        assertField(
                ws,
                "{\"label\":\"X\",\"from\":\"%s\",\"to\":\"%s\",\"accountIds\":[\"%s\"]}"
                        .formatted(FROM, TO, UUID.randomUUID()),
                "accounts");
        assertProblem(api.post(ws.path("/review-links"), ws.token(), "{\"label\":"), 400, "malformed-json");
        assertThat(api.get(ws.path("/review-links"), ws.token()).json().path("items"))
                .isEmpty();
    }

    @Test
    void readKeysMakeNothingAndAnotherWorkspacesLinkIsNotFound() {
        Workspace ws = provision();
        Workspace other = provision();
        var body = "{\"label\":\"X\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(FROM, TO);

        assertProblem(api.post(ws.path("/review-links"), key(ws, "read"), body), 403, "insufficient-scope");
        String id = api.post(ws.path("/review-links"), ws.token(), body)
                .json()
                .path("link")
                .path("id")
                .asString();

        assertProblem(api.get(other.path("/review-links/" + id), other.token()), 404, "not-found");
        assertProblem(api.send("DELETE", other.path("/review-links/" + id), other.token(), null), 404, "not-found");
        assertThat(api.get(ws.path("/review-links/" + id), ws.token())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("active");
    }

    private void assertField(Workspace ws, String body, String field) {
        var response = api.post(ws.path("/review-links"), ws.token(), body);
        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .as(response.toString())
                .isEqualTo(field);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
