package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.User;
import herald.tenancy.Invitations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class MemberApiTests extends ApiTest {

    @Autowired
    Invitations invitations;

    /** Invites a new person through the API and has them accept the link, as the UI would. */
    User join(Workspace workspace, String role) {
        String email = "joiner-" + UUID.randomUUID() + "@herald.test";
        var invited = api.post(
                workspace.path("/invitations"),
                workspace.token(),
                "{\"email\":\"%s\",\"role\":\"%s\"}".formatted(email, role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String url = invited.json().path("url").asString();
        User user = users.register(email, "Joiner", "a long enough passphrase");
        invitations.accept(url.substring(url.lastIndexOf('/') + 1), user.id());
        return user;
    }

    @Test
    void listsMembersAcrossPagesInTheOrderTheyJoined() {
        var workspace = provisionWithOwner("enterprise");
        List<String> joined = new ArrayList<>(List.of(workspace.ownerId()));
        for (int i = 0; i < 4; i++) {
            joined.add(join(workspace, "editor").id().toString());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get(
                    workspace.path("/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)),
                    workspace.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json()
                    .path("items")
                    .forEach(member -> seen.add(member.path("userId").asString()));
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(joined);
    }

    @Test
    void anApiKeyCannotMakeOrRemoveAnOwner() {
        var workspace = provisionWithOwner("enterprise");
        User admin = join(workspace, "admin");

        var promoted = api.patch(workspace.path("/members/" + admin.id()), workspace.token(), "{\"role\":\"owner\"}");
        var removed = api.delete(workspace.path("/members/" + workspace.ownerId()), workspace.token());

        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(403);
        assertThat(promoted.json().path("type").asString()).isEqualTo("https://herald.dev/problems/forbidden");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(403);
        var roles =
                api.get(workspace.path("/members"), workspace.token()).json().path("items");
        List<String> seen = new ArrayList<>();
        roles.forEach(member -> seen.add(member.path("role").asString()));
        assertThat(seen).containsExactly("owner", "admin");
    }

    @Test
    void showsAMembersRoleAndEmail() {
        var workspace = provisionWithOwner("enterprise");

        var members =
                api.get(workspace.path("/members"), workspace.token()).json().path("items");

        assertThat(members.size()).isEqualTo(1);
        JsonNode owner = members.get(0);
        assertThat(owner.path("email").asString()).isEqualTo(workspace.ownerEmail());
        assertThat(owner.path("role").asString()).isEqualTo("owner");
        assertThat(owner.path("joinedAt").asString()).isNotBlank();
        assertThat(api.get(workspace.path("/members"), workspace.token())
                        .json()
                        .path("nextCursor")
                        .isNull())
                .isTrue();
    }

    @Test
    void changesARoleAndRemovesAMember() {
        var workspace = provisionWithOwner("enterprise");
        User editor = join(workspace, "editor");

        var changed = api.patch(workspace.path("/members/" + editor.id()), workspace.token(), "{\"role\":\"admin\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("role").asString()).isEqualTo("admin");

        var removed = api.delete(workspace.path("/members/" + editor.id()), workspace.token());
        assertThat(removed.status()).isEqualTo(204);
        assertProblem(api.get(workspace.path("/members/" + editor.id()), workspace.token()), 404, "not-found");
        var actions = api.get(workspace.path("/audit-events"), workspace.token())
                .json()
                .path("items")
                .valueStream()
                .map(event -> event.path("action").asString())
                .toList();
        assertThat(actions).contains("member.role_changed", "member.removed");
    }

    @Test
    void neverDemotesOrRemovesAnOwner() {
        var workspace = provisionWithOwner("enterprise");

        var demoted = api.patch(
                workspace.path("/members/" + workspace.ownerId()), workspace.token(), "{\"role\":\"viewer\"}");
        var removed = api.delete(workspace.path("/members/" + workspace.ownerId()), workspace.token());

        assertProblem(demoted, 403, "forbidden");
        assertProblem(removed, 403, "forbidden");
        var members =
                api.get(workspace.path("/members"), workspace.token()).json().path("items");
        assertThat(members.get(0).path("role").asString()).isEqualTo("owner");
    }

    @Test
    void refusesAnUnknownRoleAndAnUnknownMember() {
        var workspace = provisionWithOwner("enterprise");

        var badRole =
                api.patch(workspace.path("/members/" + workspace.ownerId()), workspace.token(), "{\"role\":\"boss\"}");
        assertProblem(badRole, 400, "invalid-input");
        assertThat(badRole.json().path("errors").get(0).path("field").asString())
                .isEqualTo("role");
        assertProblem(
                api.patch(workspace.path("/members/" + UUID.randomUUID()), workspace.token(), "{\"role\":\"admin\"}"),
                404,
                "not-found");
        assertProblem(api.delete(workspace.path("/members/not-a-uuid"), workspace.token()), 404, "not-found");
    }

    @Test
    void refusesBadPaging() {
        var workspace = provisionWithOwner("enterprise");

        for (String query : List.of("limit=0", "limit=201", "limit=many")) {
            var response = api.get(workspace.path("/members?" + query), workspace.token());
            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("limit");
        }
        String foreignCursor = herald.web.api.paging.Cursor.encode(
                "api-keys", "2030-01-01T00:00:00Z", UUID.randomUUID().toString());
        for (String cursor : List.of("garbage!", "bm90LWEtY3Vyc29y", foreignCursor)) {
            var response = api.get(workspace.path("/members?cursor=" + cursor), workspace.token());
            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("cursor");
        }
        assertThat(api.get(workspace.path("/members?limit=200"), workspace.token())
                        .status())
                .isEqualTo(200);
    }
}
