package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An API key reaches its own workspace only: every route of another workspace answers 404, and changes nothing. */
class CrossWorkspaceApiTests extends ApiTest {

    @Test
    void everyRouteOfAnotherWorkspaceAnswersNotFoundAndChangesNothing() {
        var mine = provisionWithOwner("enterprise");
        var theirs = provisionWithOwner("enterprise");
        var invitation = api.post(theirs.path("/invitations"), theirs.token(), "{\"role\":\"viewer\"}");
        String invitationId = invitation.json().path("id").asString();
        String keyId = api.get(theirs.path("/api-keys"), theirs.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        long eventsBefore = auditCount(theirs);
        String me = mine.token();

        List<Function<Workspace, Api.Response>> routes = List.of(
                w -> api.get(w.path(), me),
                w -> api.patch(w.path(), me, "{\"name\":\"Taken over\"}"),
                w -> api.get(w.path("/members"), me),
                w -> api.get(w.path("/members/" + w.ownerId()), me),
                w -> api.patch(w.path("/members/" + w.ownerId()), me, "{\"role\":\"viewer\"}"),
                w -> api.delete(w.path("/members/" + w.ownerId()), me),
                w -> api.get(w.path("/invitations"), me),
                w -> api.post(w.path("/invitations"), me, "{\"role\":\"admin\"}"),
                w -> api.delete(w.path("/invitations/" + invitationId), me),
                w -> api.get(w.path("/api-keys"), me),
                w -> api.post(w.path("/api-keys"), me, "{\"name\":\"backdoor\",\"scopes\":[\"admin\"]}"),
                w -> api.get(w.path("/api-keys/" + keyId), me),
                w -> api.delete(w.path("/api-keys/" + keyId), me),
                w -> api.get(w.path("/audit-events"), me),
                w -> api.get(w.path("/audit-events/verify"), me),
                w -> api.post(w.path("/test-failures"), me, "{\"marker\":\"x\"}"),
                w -> api.get(w.path("/no-such-thing"), me));
        for (var route : routes) {
            var response = route.apply(theirs);
            assertProblem(response, 404, "not-found");
            assertThat(response.body()).doesNotContain(theirs.name()).doesNotContain(theirs.ownerEmail());
        }

        assertThat(api.get(theirs.path(), theirs.token()).json().path("name").asString())
                .isEqualTo(theirs.name());
        var members = api.get(theirs.path("/members"), theirs.token()).json().path("items");
        assertThat(members.size()).isEqualTo(1);
        assertThat(members.get(0).path("role").asString()).isEqualTo("owner");
        assertThat(api.get(theirs.path("/invitations"), theirs.token()).body()).contains(invitationId);
        var keys = api.get(theirs.path("/api-keys"), theirs.token()).json().path("items");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).path("status").asString()).isEqualTo("active");
        assertThat(auditCount(theirs)).isEqualTo(eventsBefore);
    }

    @Test
    void anUnknownOrMalformedWorkspaceIdAnswersNotFound() {
        var mine = provision();

        assertProblem(api.get("/api/v1/workspaces/" + UUID.randomUUID(), mine.token()), 404, "not-found");
        assertProblem(api.get("/api/v1/workspaces/not-a-uuid/members", mine.token()), 404, "not-found");
        assertProblem(api.get("/api/v1/workspaces/" + mine.slug(), mine.token()), 404, "not-found");
    }

    @Test
    void theOperatorTokenReachesNoWorkspace() {
        var workspace = provision();

        assertProblem(api.get(workspace.path(), OPERATOR), 404, "not-found");
        assertProblem(api.get(workspace.path("/audit-events"), OPERATOR), 404, "not-found");
    }

    private long auditCount(Workspace workspace) {
        return api.get(workspace.path("/audit-events?limit=200"), workspace.token())
                .json()
                .path("items")
                .size();
    }
}
