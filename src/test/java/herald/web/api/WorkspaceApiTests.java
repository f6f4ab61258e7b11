package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspaceApiTests extends ApiTest {

    @Test
    void answersTheWorkspaceWithItsPlanLimitsAndUsage() {
        var workspace = provisionWithOwner("basic");

        var response = api.get(workspace.path(), workspace.token());

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.path("id").asString()).isEqualTo(workspace.id());
        assertThat(json.path("name").asString()).isEqualTo(workspace.name());
        assertThat(json.path("slug").asString()).isEqualTo(workspace.slug());
        assertThat(json.path("plan").asString()).isEqualTo("basic");
        assertThat(json.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(json.path("limits").path("members").asInt()).isEqualTo(10);
        assertThat(json.path("limits").path("apiRequestsPerHour").asInt()).isEqualTo(3000);
        assertThat(json.path("usage").path("members").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyFindsItsOwnWorkspaceAndNoOtherWithoutKnowingItsId() {
        var first = provision();
        var second = provision();

        for (var workspace : java.util.List.of(first, second)) {
            var response = api.get("/api/v1/workspaces", workspace.token());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().size()).isEqualTo(1);
            assertThat(response.json().get(0).path("id").asString()).isEqualTo(workspace.id());
            assertThat(response.json().get(0).path("name").asString()).isEqualTo(workspace.name());
            assertThat(response.header("RateLimit-Limit")).isNotNull();
        }
        // The operator creates workspaces there but lists none; without a key there is nothing to answer.
        assertProblem(api.get("/api/v1/workspaces", OPERATOR), 404, "not-found");
        assertProblem(api.get("/api/v1/workspaces", null), 401, "unauthenticated");
    }

    @Test
    void changesNameTimezoneAndDescriptionAndRecordsIt() {
        var workspace = provision();

        var response = api.patch(
                workspace.path(),
                workspace.token(),
                """
                {"name":"Renamed","timezone":"America/New_York","description":"Pizza by the slice."}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("name").asString()).isEqualTo("Renamed");
        assertThat(after.path("timezone").asString()).isEqualTo("America/New_York");
        assertThat(after.path("description").asString()).isEqualTo("Pizza by the slice.");
        assertThat(after.path("slug").asString()).isEqualTo(workspace.slug());
        var events = api.get(workspace.path("/audit-events?action=workspace.updated"), workspace.token());
        assertThat(events.json()
                        .path("items")
                        .get(0)
                        .path("details")
                        .path("name")
                        .asString())
                .isEqualTo("Renamed");
    }

    @Test
    void keepsFieldsLeftOut() {
        var workspace = provision();

        api.patch(workspace.path(), workspace.token(), "{\"description\":\"Only this.\"}");

        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("name").asString()).isEqualTo(workspace.name());
        assertThat(after.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(after.path("description").asString()).isEqualTo("Only this.");
    }

    @Test
    void refusesAnInvalidTimezoneAndChangesNothing() {
        var workspace = provision();

        var response = api.patch(
                workspace.path(), workspace.token(), "{\"name\":\"Never\",\"timezone\":\"Atlantis/Capital\"}");

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("timezone");
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(workspace.name());
    }

    @Test
    void refusesAnEmptyChangeAndAnUnknownField() {
        var workspace = provision();

        assertProblem(api.patch(workspace.path(), workspace.token(), "{}"), 400, "invalid-input");
        var unknown = api.patch(workspace.path(), workspace.token(), "{\"plan\":\"enterprise\"}");
        assertProblem(unknown, 400, "invalid-input");
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("plan");
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("plan")
                        .asString())
                .isEqualTo("enterprise");
    }

    @Test
    void linkTaggingIsOffWithTheDefaultValuesUntilChangedAndKeepsValuesLeftOut() {
        var workspace = provision();

        var tagging = api.get(workspace.path(), workspace.token()).json().path("linkTagging");
        assertThat(tagging.path("enabled").asBoolean()).isFalse();
        assertThat(tagging.path("utmSource").asString()).isEqualTo("{platform}");
        assertThat(tagging.path("utmMedium").asString()).isEqualTo("social");
        assertThat(tagging.path("utmCampaign").asString()).isEmpty();

        var response = api.patch(
                workspace.path(),
                workspace.token(),
                """
                {"linkTagging":{"enabled":true,"utmCampaign":"spring-{date}","utmContent":"{account}"}}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("linkTagging").path("enabled").asBoolean()).isTrue();
        assertThat(after.path("linkTagging").path("utmSource").asString()).isEqualTo("{platform}");
        assertThat(after.path("linkTagging").path("utmCampaign").asString()).isEqualTo("spring-{date}");
        assertThat(after.path("linkTagging").path("utmContent").asString()).isEqualTo("{account}");
        assertThat(after.path("name").asString()).isEqualTo(workspace.name());
        var events = api.get(workspace.path("/audit-events?action=workspace.link_tagging_changed"), workspace.token());
        assertThat(events.json()
                        .path("items")
                        .get(0)
                        .path("details")
                        .path("utm_campaign")
                        .asString())
                .isEqualTo("spring-{date}");
    }

    @Test
    void putsUpTheLinkInBioPageAndSaysWhereItIs() {
        var workspace = provision();
        var before = api.get(workspace.path(), workspace.token()).json();
        assertThat(before.path("bioPage").asBoolean()).isFalse();
        String url = before.path("bioPageUrl").asString();
        assertThat(url).endsWith("/bio/" + before.path("slug").asString());

        var response = api.patch(workspace.path(), workspace.token(), "{\"bioPage\":true}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("bioPage").asBoolean()).isTrue();
        assertThat(response.json().path("bioPageUrl").asString()).isEqualTo(url);
        assertThat(api.get(workspace.path("/audit-events?action=workspace.bio_page_shown"), workspace.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void writesTheLinkInBioPagesOwnWordsAndRefusesTooManyChangingNothing() {
        var workspace = provision();
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("bioPageText")
                        .isNull())
                .isTrue();

        var written =
                api.patch(workspace.path(), workspace.token(), "{\"bioPageText\":\"  Wood-fired since 2009.  \"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().path("bioPageText").asString()).isEqualTo("Wood-fired since 2009.");

        var tooLong = api.patch(
                workspace.path(),
                workspace.token(),
                "{\"name\":\"Never\",\"bioPageText\":\"" + "x".repeat(301) + "\"}");
        assertProblem(tooLong, 400, "invalid-input");
        assertThat(tooLong.json().path("errors").get(0).path("field").asString())
                .isEqualTo("bioPageText");
        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("name").asString())
                .as("a refused value changes nothing")
                .isNotEqualTo("Never");
        assertThat(after.path("bioPageText").asString()).isEqualTo("Wood-fired since 2009.");

        var badDays = api.patch(workspace.path(), workspace.token(), "{\"name\":\"Never\",\"evergreenEveryDays\":400}");
        assertProblem(badDays, 400, "invalid-input");
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("name")
                        .asString())
                .as("the number of days is checked before the name changes")
                .isNotEqualTo("Never");

        var removed = api.patch(workspace.path(), workspace.token(), "{\"bioPageText\":\"\"}");
        assertThat(removed.json().path("bioPageText").isNull()).isTrue();
        assertThat(api.get(workspace.path("/audit-events?action=workspace.bio_page_text_changed"), workspace.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void setsTheLanguageOfPostsInItsWellFormedTagAndRefusesOneThatNamesNoLanguageChangingNothing() {
        var workspace = provision();
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("postLanguage")
                        .isNull())
                .isTrue();

        var set = api.patch(workspace.path(), workspace.token(), "{\"postLanguage\":\"pt-br\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("postLanguage").asString()).isEqualTo("pt-BR");

        for (String wrong : new String[] {"portuguese!", "qq", "12"}) {
            var refused = api.patch(
                    workspace.path(), workspace.token(), "{\"name\":\"Never\",\"postLanguage\":\"" + wrong + "\"}");
            assertProblem(refused, 400, "invalid-input");
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("postLanguage");
            assertThat(refused.json().path("errors").get(0).path("message").asString())
                    .isEqualTo("'" + wrong + "' is not a language tag such as en, de or pt-BR.");
        }
        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("name").asString()).isNotEqualTo("Never");
        assertThat(after.path("postLanguage").asString()).isEqualTo("pt-BR");

        var removed = api.patch(workspace.path(), workspace.token(), "{\"postLanguage\":\"\"}");
        assertThat(removed.json().path("postLanguage").isNull()).isTrue();
        assertThat(api.get(workspace.path("/audit-events?action=workspace.post_language_changed"), workspace.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void refusesAnUnknownPlaceholderAsAProblemNamingTheFieldAndChangesNothing() {
        var workspace = provision();

        var response = api.patch(
                workspace.path(),
                workspace.token(),
                """
                {"name":"Never","linkTagging":{"enabled":true,"utmCampaign":"{campaign}"}}""");

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("linkTagging.utmCampaign");
        assertThat(response.json().path("detail").asString()).contains("unknown placeholder {campaign}");
        var after = api.get(workspace.path(), workspace.token()).json();
        assertThat(after.path("name").asString()).isEqualTo(workspace.name());
        assertThat(after.path("linkTagging").path("enabled").asBoolean()).isFalse();
        assertThat(after.path("linkTagging").path("utmCampaign").asString()).isEmpty();
    }
}
