package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Exporting posts over REST: a CSV of what the listing's filters select, refusing a filter it does not know. */
class PostExportApiTests extends ApiTest {

    @Autowired
    TenantScope tenants;

    @Test
    void exportsTheFilteredPostsAsCsv() {
        Workspace ws = provision();
        String account = herald.TenantFixtures.sandboxAccount(
                        tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), "krusty")
                .value()
                .toString();
        for (String body : new String[] {"Pasta night", "Pizza night"}) {
            var created = api.post(
                    ws.path("/posts"),
                    ws.token(),
                    ("{\"body\":\"%s\",\"targets\":[{\"connectionId\":\"%s\"}],\"draft\":true,"
                                    + "\"firstComment\":\"=%s #deals\",\"language\":\"%s\"}")
                            .formatted(body, account, body.split(" ")[0], body.startsWith("Pizza") ? "it" : ""));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        var csv = api.get(ws.path("/posts/export?q=pizza&status=draft"), ws.token());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "post_id,post_status,scheduled_at,text,link,tags,account,account_status,published_at,url,"
                                + "last_error,created_by,first_comment,comment_status,thread,thread_status,format,media,language");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("Pizza night").contains(",draft,").contains("Sandbox @krusty");
        assertThat(lines[1])
                .as("the first comment, a formula written as text, and how it stands")
                .endsWith(",'=Pizza #deals,waiting,,,post,,it");

        var unknown = api.get(ws.path("/posts/export?status=someday"), ws.token());
        assertProblem(unknown, 400, "invalid-input");
    }
}
