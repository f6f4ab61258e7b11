package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tags over REST: given when a post is created, replaced in any status, filtered by and counted in any case. */
class PostTagsApiTests extends ApiTest {

    @Autowired
    TenantScope tenants;

    @Test
    void postsCarryTagsAsFirstSpelledAndAreFoundAndCountedInAnyCase() {
        Workspace ws = provision();
        String account = account(ws);
        var sale = create(ws, account, "Half price", "[\"#Summer  Sale\",\"summer sale\",\" promo \"]");
        assertThat(sale.path("tags").toString()).isEqualTo("[\"Summer Sale\",\"promo\"]");
        create(ws, account, "Last day", "[\"SUMMER SALE\"]");
        create(ws, account, "Untagged", null);

        var found = api.get(ws.path("/posts?tag=summer%20sale"), ws.token());
        assertThat(found.json().path("items").valueStream().map(p -> p.path("body")
                        .asString()))
                .containsExactlyInAnyOrder("Half price", "Last day");
        var counts = api.get(ws.path("/posts/tags"), ws.token()).json().path("items");
        assertThat(counts.get(0).path("posts").asInt()).isEqualTo(2);
        assertThat(counts.get(0).path("tag").asString()).isEqualToIgnoringCase("summer sale");
        assertThat(counts.get(1).path("tag").asString()).isEqualTo("promo");
        assertThat(counts.size()).isEqualTo(2);
    }

    @Test
    void aPublishedPostIsTaggedAfterwardsAndBadTagsAreRefusedLeavingTheOldOnes() {
        Workspace ws = provision();
        String account = account(ws);
        String id = create(ws, account, "Went out", "[\"launch\"]").path("id").asString();
        tenants.run(new WorkspaceId(UUID.fromString(ws.id())), () -> jdbc.sql(
                        "update posts set status = 'published' where id = :id")
                .param("id", UUID.fromString(id))
                .update());

        var retagged = api.send("PUT", ws.path("/posts/" + id + "/tags"), ws.token(), "{\"tags\":[\"launch\",\"Q4\"]}");
        assertThat(retagged.status()).as(retagged.toString()).isEqualTo(200);
        assertThat(retagged.json().path("tags").toString()).isEqualTo("[\"launch\",\"Q4\"]");
        assertThat(retagged.json().path("status").asString()).isEqualTo("published");

        var comma = api.send("PUT", ws.path("/posts/" + id + "/tags"), ws.token(), "{\"tags\":[\"a,b\"]}");
        assertProblem(comma, 400, "invalid-input");
        var many = api.send(
                "PUT",
                ws.path("/posts/" + id + "/tags"),
                ws.token(),
                "{\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}");
        assertProblem(many, 400, "invalid-input");
        assertThat(many.json().path("detail").asString()).contains("at most 10 tags");
        var tooLong = api.post(
                ws.path("/posts"),
                ws.token(),
                "{\"body\":\"x\",\"targets\":[{\"connectionId\":\"%s\"}],\"draft\":true,\"tags\":[\"%s\"]}"
                        .formatted(account, "t".repeat(41)));
        assertProblem(tooLong, 400, "invalid-input");
        assertThat(api.get(ws.path("/posts/" + id), ws.token())
                        .json()
                        .path("tags")
                        .toString())
                .isEqualTo("[\"launch\",\"Q4\"]");
        assertThat(api.get(ws.path("/audit-events?action=post.tagged"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    private tools.jackson.databind.JsonNode create(Workspace ws, String account, String body, String tags) {
        var created = api.post(
                ws.path("/posts"),
                ws.token(),
                "{\"body\":\"%s\",\"targets\":[{\"connectionId\":\"%s\"}],\"draft\":true%s}"
                        .formatted(body, account, tags == null ? "" : ",\"tags\":" + tags));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String account(Workspace ws) {
        return herald.TenantFixtures.sandboxAccount(tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), "krusty")
                .value()
                .toString();
    }
}
