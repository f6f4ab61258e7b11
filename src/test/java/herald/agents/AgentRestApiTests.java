package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.ApiKeyScope;
import java.time.Duration;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agent REST API against the real Sandbox: an agent posts as the workspace through the accounts it was granted,
 * and is refused, with a reason it can act on, everywhere else.
 */
class AgentRestApiTests extends AgentTestBase {

    Workspace w;
    String granted;
    String grantedHandle;
    String ungranted;
    AgentKey agent;

    @BeforeEach
    void grantedOneOfTwoAccounts() {
        w = workspace("AgentRest");
        grantedHandle = handle("rest");
        granted = connectSandbox(w, grantedHandle);
        ungranted = connectSandbox(w, handle("other"));
        agent = agent(w, "Rest bot");
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_READ\"]", false, null);
    }

    @Test
    void publishesThroughTheGrantedAccountAndThePostAppearsAsTheCompany() {
        var posted = agentPost(
                agent, "{\"content\":\"Fresh pizza from the agent\",\"platforms\":[\"sandbox\"],\"waitSeconds\":10}");

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode result = posted.json().path("results").get(0);
        assertThat(result.path("connectionId").asString()).isEqualTo(granted);
        String post = result.path("postId").asString();
        JsonNode done =
                awaitPost(agent, post, p -> p.path("status").asString().equals("published"), Duration.ofSeconds(30));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
        assertThat(done.path("origin").asString()).isEqualTo("agent_api");
        assertThat(done.path("createdBy").asString()).startsWith("Rest bot (ha_");
        String url = done.path("targets").get(0).path("url").asString();
        assertThat(url).contains(grantedHandle);
        assertThat(StreamSupport.stream(sandboxPosts(grantedHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Fresh pizza from the agent");
        var calls = audit(w, "agent.call");
        assertThat(calls).anySatisfy(row -> {
            assertThat(row.get("actor_type")).isEqualTo("agent");
            assertThat(row.get("actor_id")).isEqualTo(agent.id());
            assertThat(row.get("details").toString())
                    .contains("posts.create")
                    .contains("\"grant\"")
                    .contains(post);
        });
        assertThat(audit(w, "post.created").getLast().get("actor_type")).isEqualTo("agent");
    }

    @Test
    void refusesAnAccountItWasNotGrantedAndAPlatformWithoutAccount() {
        var ungrantedPost = agentPost(agent, "{\"content\":\"Hi\",\"connectionIds\":[\"" + ungranted + "\"]}");
        var noAccount = agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"x\"]}");
        var mixed = agentPost(agent, "{\"content\":\"Hi all\",\"platforms\":[\"sandbox\",\"linkedin\"]}");

        assertThat(ungrantedPost.status()).as(ungrantedPost.body()).isEqualTo(422);
        assertThat(ungrantedPost.problemType()).isEqualTo("agent-post-refused");
        assertThat(ungrantedPost.json().path("results").get(0).path("error").asString())
                .isEqualTo("no_permission");
        assertThat(noAccount.json().path("results").get(0).path("error").asString())
                .isEqualTo("not_connected");
        assertThat(noAccount.json().path("results").get(0).path("detail").asString())
                .contains("no x account");
        assertThat(mixed.status()).isEqualTo(201);
        assertThat(mixed.json().path("created").asInt()).isEqualTo(1);
        assertThat(mixed.json().path("results").get(0).path("connectionId").asString())
                .isEqualTo(granted);
        assertThat(mixed.json().path("results").get(1).path("error").asString()).isEqualTo("not_connected");
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("no_permission") && d.contains(ungranted));
    }

    @Test
    void badInputSaysWhatToChange() {
        var unknownPlatform = agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"myspace\"]}");
        var tooLongForSandbox =
                agentPost(agent, "{\"content\":\"" + "a".repeat(501) + "\",\"platforms\":[\"sandbox\"]}");
        var tooLongForHerald =
                agentPost(agent, "{\"content\":\"" + "a".repeat(10_001) + "\",\"platforms\":[\"sandbox\"]}");
        var noTargets = agentPost(agent, "{\"content\":\"Hi\"}");
        var unknownField = agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"colour\":\"red\"}");
        var notGranted = agentPost(
                agent, "{\"content\":\"Later\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-01T09:00:00Z\"}");
        var huge = agentPost(agent, "{\"content\":\"" + "a".repeat(2_000_000) + "\"}");

        assertThat(unknownPlatform.status()).isEqualTo(400);
        assertThat(unknownPlatform.json().path("errors").get(0).path("field").asString())
                .isEqualTo("platforms[0]");
        assertThat(unknownPlatform.json().path("detail").asString())
                .contains("myspace")
                .contains("facebook");
        assertThat(tooLongForSandbox.status()).isEqualTo(422);
        JsonNode invalid = tooLongForSandbox.json().path("results").get(0);
        assertThat(invalid.path("error").asString()).isEqualTo("invalid_content");
        assertThat(invalid.path("detail").asString()).contains("text.length").contains("500");
        assertThat(tooLongForHerald.status()).isEqualTo(400);
        assertThat(tooLongForHerald.json().path("errors").get(0).path("field").asString())
                .isEqualTo("content");
        assertThat(noTargets.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(notGranted.json().path("results").get(0).path("error").asString())
                .isEqualTo("no_permission");
        assertThat(notGranted.json().path("results").get(0).path("detail").asString())
                .contains("POST_SCHEDULE");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(posts()).isZero();
    }

    @Test
    void aPostKeepsItsFirstCommentAndItsLinkTaggingChoice() {
        var tagging = admin(w, "PATCH", "", "{\"linkTagging\":{\"enabled\":true}}");
        assertThat(tagging.status()).as(tagging.body()).isEqualTo(200);
        grant(w, agent, granted, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);

        var commented = agentPost(
                agent,
                "{\"content\":\"Our menu https://krusty.example.com/menu\",\"platforms\":[\"sandbox\"],"
                        + "\"scheduleAt\":\"2099-01-01T09:00:00Z\",\"firstComment\":\"  #pizza #springfield \","
                        + "\"tagLinks\":false,\"shortenLinks\":true}");
        var plain = agentPost(
                agent,
                "{\"content\":\"Our menu again https://krusty.example.com/menu\",\"platforms\":[\"sandbox\"],"
                        + "\"scheduleAt\":\"2099-01-02T09:00:00Z\"}");

        assertThat(commented.status()).as(commented.body()).isEqualTo(201);
        JsonNode result = commented.json().path("results").get(0);
        assertThat(result.path("comment").path("status").asString()).isEqualTo("waiting");
        String post = result.path("postId").asString();
        JsonNode read =
                send("GET", "/api/v1/agent/posts/" + post, agent.token(), null).json();
        assertThat(read.path("firstComment").asString()).isEqualTo("#pizza #springfield");
        assertThat(read.path("tagLinks").asBoolean()).as("the agent said no").isFalse();
        assertThat(read.path("targets").get(0).path("comment").path("status").asString())
                .isEqualTo("waiting");
        JsonNode stored = admin(w, "GET", "/posts/" + post, null).json();
        assertThat(stored.path("firstComment").asString()).isEqualTo("#pizza #springfield");
        assertThat(stored.path("tagLinks").asBoolean()).isFalse();
        assertThat(stored.path("shortLinks").asBoolean())
                .as("the agent asked for short links")
                .isTrue();
        JsonNode listed =
                send("GET", "/api/v1/agent/posts", agent.token(), null).json().path("items");
        assertThat(listed).extracting(p -> p.path("firstComment").asString()).contains("#pizza #springfield");

        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        JsonNode other = send(
                        "GET",
                        "/api/v1/agent/posts/"
                                + plain.json()
                                        .path("results")
                                        .get(0)
                                        .path("postId")
                                        .asString(),
                        agent.token(),
                        null)
                .json();
        assertThat(other.path("tagLinks").asBoolean())
                .as("the workspace's default")
                .isTrue();
        assertThat(other.has("firstComment")).isFalse();
        assertThat(admin(w, "GET", "/posts/" + other.path("id").asString(), null)
                        .json()
                        .path("shortLinks")
                        .asBoolean())
                .as("the workspace does not shorten links")
                .isFalse();
        assertThat(other.path("targets").get(0).has("comment")).isFalse();
        assertThat(plain.json().path("results").get(0).has("comment")).isFalse();
    }

    @Test
    void anAgentWritesAThreadAndSeesEachPartOnTheAccountAndAPartTooLongIsRefused() {
        var threaded = agentPost(
                agent,
                "{\"content\":\"A thread on dough " + java.util.UUID.randomUUID() + "\",\"platforms\":[\"sandbox\"],"
                        + "\"thread\":[\"It rests 48 hours.\",\"Then it bakes.\"]}");
        assertThat(threaded.status()).as(threaded.body()).isEqualTo(201);
        String post = threaded.json().path("results").get(0).path("postId").asString();
        JsonNode read =
                send("GET", "/api/v1/agent/posts/" + post, agent.token(), null).json();
        assertThat(read.path("thread")).hasSize(2);
        assertThat(read.path("targets")
                        .get(0)
                        .path("thread")
                        .get(1)
                        .path("part")
                        .asInt())
                .isEqualTo(3);
        assertThat(read.path("targets")
                        .get(0)
                        .path("thread")
                        .get(1)
                        .path("status")
                        .asString())
                .isEqualTo("waiting");

        var tooLong = agentPost(
                agent, "{\"content\":\"Short\",\"platforms\":[\"sandbox\"],\"thread\":[\"" + "z".repeat(501) + "\"]}");
        assertThat(tooLong.body()).contains("invalid_content").contains("thread[0]");
    }

    @Test
    void anAgentKeepsThePostsFirstCommentOffAPlatformByVariant() {
        var created = agentPost(
                agent,
                "{\"content\":\"Quiet one\",\"platforms\":[\"sandbox\"],\"firstComment\":\"#loud\","
                        + "\"variants\":[{\"platform\":\"sandbox\",\"noFirstComment\":true}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = created.json().path("results").get(0).path("postId").asString();
        JsonNode target = send("GET", "/api/v1/agent/posts/" + post, agent.token(), null)
                .json()
                .path("targets")
                .get(0);
        assertThat(target.path("comment").isMissingNode()
                        || target.path("comment").isNull())
                .as("no comment on the account: " + target)
                .isTrue();

        var empty = agentPost(
                agent, "{\"content\":\"x\",\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\"}]}");
        assertThat(empty.body()).contains("noFirstComment");
    }

    @Test
    void anAgentAsksForAStoryByVariantAndAStoryWithoutAnImageIsRefusedByField() {
        var folder = context.getBean(herald.assets.Folders.class).all(w.id()).getFirst();
        String photo = context.getBean(herald.assets.Assets.class)
                .upload(
                        w.id(),
                        folder.id(),
                        new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                        herald.assets.Upload.named("story.png"))
                .id()
                .toString();
        var story = agentPost(
                agent,
                "{\"content\":\"For the team only\",\"platforms\":[\"sandbox\"],\"mediaIds\":[\"" + photo
                        + "\"],\"variants\":[{\"platform\":\"sandbox\",\"format\":\"story\"}],\"waitSeconds\":10}");
        assertThat(story.status()).as(story.body()).isEqualTo(201);
        String post = story.json().path("results").get(0).path("postId").asString();
        JsonNode read =
                send("GET", "/api/v1/agent/posts/" + post, agent.token(), null).json();
        assertThat(read.path("targets").get(0).path("format").asString()).isEqualTo("story");

        var noImage = agentPost(
                agent,
                "{\"content\":\"No image\",\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\","
                        + "\"format\":\"story\"}]}");
        assertThat(noImage.body()).contains("invalid_content").contains("story.media");
        var badFormat = agentPost(
                agent,
                "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\","
                        + "\"format\":\"reel\"}]}");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.body()).contains("variants[0].format").contains("post or story");
    }

    @Test
    void anAgentGivesAThreadPartItsOwnMediaAndTooManyAreRefusedByField() {
        var folder = context.getBean(herald.assets.Folders.class).all(w.id()).getFirst();
        var library = context.getBean(herald.assets.Assets.class);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(library.upload(
                            w.id(),
                            folder.id(),
                            new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                            herald.assets.Upload.named("part-" + i + ".png"))
                    .id()
                    .toString());
        }
        var pictured = agentPost(
                agent,
                "{\"content\":\"Pictures " + java.util.UUID.randomUUID() + "\",\"platforms\":[\"sandbox\"],"
                        + "\"thread\":[\"Look\"],\"threadMediaIds\":[[\""
                        + ids.getFirst() + "\"]]}");
        assertThat(pictured.status()).as(pictured.body()).isEqualTo(201);
        String post = pictured.json().path("results").get(0).path("postId").asString();
        JsonNode read =
                send("GET", "/api/v1/agent/posts/" + post, agent.token(), null).json();
        assertThat(read.path("threadMediaIds").toString()).isEqualTo("[[\"" + ids.getFirst() + "\"]]");

        var tooMany = agentPost(
                agent,
                "{\"content\":\"Too many\",\"platforms\":[\"sandbox\"],\"thread\":[\"Look\"],\"threadMediaIds\":[[\""
                        + String.join("\",\"", ids) + "\"]]}");
        assertThat(tooMany.body())
                .contains("invalid_content")
                .contains("threadMediaIds[0]")
                .contains("5 media, at most 4");
    }

    @Test
    void aFirstCommentTooLongIsRefusedWithWhatToChangeAndNothingIsMade() {
        var overHerald = agentPost(
                agent,
                "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"firstComment\":\"" + "a".repeat(10_001) + "\"}");
        var overSandbox = agentPost(
                agent, "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"firstComment\":\"" + "a".repeat(501) + "\"}");
        var notABoolean =
                agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"tagLinks\":\"sometimes\"}");

        assertThat(overHerald.status()).as(overHerald.body()).isEqualTo(400);
        assertThat(overHerald.problemType()).isEqualTo("invalid-input");
        assertThat(overHerald.json().path("errors").get(0).path("field").asString())
                .isEqualTo("firstComment");
        assertThat(overHerald.json().path("detail").asString())
                .contains("10001 characters")
                .contains("at most 10000");
        assertThat(overSandbox.status()).as(overSandbox.body()).isEqualTo(422);
        assertThat(overSandbox.problemType()).isEqualTo("agent-post-refused");
        JsonNode refused = overSandbox.json().path("results").get(0);
        assertThat(refused.path("error").asString()).isEqualTo("invalid_content");
        assertThat(refused.path("detail").asString())
                .contains("first comment is 501 of 500 characters")
                .contains("comment.length")
                .contains("field firstComment");
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(posts()).isZero();
    }

    @Test
    void aPausedAgentAndARevokedKeyAreRefused() {
        admin(w, "POST", "/agents/" + agent.id() + "/pause", null);
        var whilePaused = agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"]}");
        var accountsWhilePaused = send("GET", "/api/v1/agent/accounts", agent.token(), null);
        admin(w, "POST", "/agents/" + agent.id() + "/resume", null);
        admin(w, "DELETE", "/agents/" + agent.id() + "/keys/" + agent.keyId(), null);
        var revoked = agentPost(agent, "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"]}");

        assertThat(whilePaused.status()).isEqualTo(403);
        assertThat(whilePaused.problemType()).isEqualTo("agent-paused");
        assertThat(accountsWhilePaused.status()).isEqualTo(403);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(posts()).isZero();
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .filteredOn(d -> d.contains("agent_paused"))
                .hasSize(2);
    }

    @Test
    void anAgentOfOneWorkspaceSeesNothingOfAnother() {
        var other = workspace("AgentRestOther");
        String foreign = connectSandbox(other, handle("foreign"));
        AgentKey stranger = agent(other, "Stranger bot");
        grant(other, stranger, foreign, "[\"POST_CREATE\",\"POST_READ\"]", false, null);
        var theirs = agentPost(stranger, "{\"content\":\"Theirs\",\"platforms\":[\"sandbox\"]}");
        String theirPost = theirs.json().path("results").get(0).path("postId").asString();

        var read = send("GET", "/api/v1/agent/posts/" + theirPost, agent.token(), null);
        var theirFigures = send("GET", "/api/v1/agent/posts/" + theirPost + "/figures", agent.token(), null);
        var ownFigures = send("GET", "/api/v1/agent/posts/" + theirPost + "/figures", stranger.token(), null);
        var intoTheirAccount = agentPost(agent, "{\"content\":\"Hi\",\"connectionIds\":[\"" + foreign + "\"]}");
        var accounts = send("GET", "/api/v1/agent/accounts", agent.token(), null);
        var listed = send("GET", "/api/v1/agent/posts", agent.token(), null);
        var theirWorkspace = send("GET", "/api/v1/workspaces/" + other.id() + "/posts", agent.token(), null);
        var byConnection = send("GET", "/api/v1/agent/posts?connectionId=" + foreign, agent.token(), null);

        assertThat(read.status()).isEqualTo(404);
        assertThat(theirFigures.status()).isEqualTo(404);
        assertThat(ownFigures.status()).as(ownFigures.toString()).isEqualTo(200);
        assertThat(ownFigures.json().path("postId").asString()).isEqualTo(theirPost);
        assertThat(intoTheirAccount.json().path("results").get(0).path("error").asString())
                .isEqualTo("not_connected");
        assertThat(accounts.json()).hasSize(1);
        assertThat(accounts.json().get(0).path("connectionId").asString()).isEqualTo(granted);
        assertThat(listed.json().path("items")).isEmpty();
        assertThat(theirWorkspace.status()).isEqualTo(404);
        assertThat(byConnection.status()).isEqualTo(404);
    }

    @Test
    void theDailyCapIsKeptAndListedAsPostsLeft() {
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_SCHEDULE\"]", false, 1);
        var first = agentPost(
                agent, "{\"content\":\"One\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-01T09:00:00Z\"}");
        var second = agentPost(
                agent, "{\"content\":\"Two\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-01T10:00:00Z\"}");
        var accounts = send("GET", "/api/v1/agent/accounts", agent.token(), null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("results").get(0).path("status").asString())
                .isEqualTo("scheduled");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().path("results").get(0).path("error").asString())
                .isEqualTo("quota_exceeded");
        assertThat(accounts.json().get(0).path("postsLeftToday").asInt()).isZero();
    }

    @Test
    void anAgentQueuesPostsIntoTheWorkspacesPostingSchedule() {
        grant(w, agent, granted, "[\"POST_SCHEDULE\"]", false, null);
        var schedule = context.getBean(herald.publishing.PostingSchedule.class);
        java.time.ZoneId zone =
                context.getBean(herald.tenancy.Workspaces.class).require(w.id()).timezone();
        java.time.LocalDate tomorrow = java.time.LocalDate.now(zone).plusDays(1);
        schedule.replace(w.id(), java.util.Map.of(tomorrow.getDayOfWeek(), java.util.List.of("08:30", "19:00")));

        var first =
                agentPost(agent, "{\"content\":\"Queued one\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"queue\"}");
        var second =
                agentPost(agent, "{\"content\":\"Queued two\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"queue\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("results").get(0).path("scheduledAt").asString())
                .isEqualTo(tomorrow.atTime(8, 30).atZone(zone).toInstant().toString());
        assertThat(second.json().path("results").get(0).path("scheduledAt").asString())
                .isEqualTo(tomorrow.atTime(19, 0).atZone(zone).toInstant().toString());
    }

    @Test
    void membersKeysCannotUseTheAgentApiAndAssetsNeedTheirCapability() {
        String member = apiKeys.create(w.id(), "member", Set.of(ApiKeyScope.ADMIN), null, null)
                .token();

        var byMember = send("GET", "/api/v1/agent/accounts", member, null);
        var anonymous = send("GET", "/api/v1/agent/accounts", null, null);
        var assetsWithout = send("GET", "/api/v1/agent/assets", agent.token(), null);
        grant(w, agent, granted, "[\"POST_CREATE\",\"ASSET_READ\"]", false, null);
        var assetsWith = send("GET", "/api/v1/agent/assets", agent.token(), null);

        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.json().path("detail").asString()).contains("agent's key");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(assetsWithout.status()).isEqualTo(403);
        assertThat(assetsWithout.problemType()).isEqualTo("no-permission");
        assertThat(assetsWith.status()).isEqualTo(200);
        assertThat(assetsWith.json().isArray()).isTrue();
    }

    @Test
    void itsPostsArePagedWithCursorsAndEachListingKeepsItsOwn() {
        grant(w, agent, granted, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
        var created = new java.util.ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            var post = agentPost(
                    agent,
                    "{\"content\":\"Paged " + i + "\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-0" + i
                            + "T09:00:00Z\"}");
            assertThat(post.status()).as(post.body()).isEqualTo(201);
            created.add(post.json().path("results").get(0).path("postId").asString());
        }

        var seen = new java.util.ArrayList<String>();
        var pages = 0;
        String cursor = null;
        do {
            var page = send(
                    "GET",
                    "/api/v1/agent/posts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    agent.token(),
                    null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(p -> seen.add(p.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull()
                            || page.json().path("nextCursor").isMissingNode()
                    ? null
                    : page.json().path("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).as("every post once, newest first").containsExactlyElementsOf(created.reversed());

        var first = send("GET", "/api/v1/agent/posts?limit=2", agent.token(), null);
        String ownCursor = first.json().path("nextCursor").asString();
        var mixed = send(
                "GET",
                "/api/v1/agent/posts?limit=2&connectionId=" + granted + "&cursor=" + ownCursor,
                agent.token(),
                null);
        assertThat(mixed.status())
                .as("a cursor of the agent's own listing is not one of the account's")
                .isEqualTo(400);
        assertThat(mixed.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        var byAccount = send("GET", "/api/v1/agent/posts?limit=10&connectionId=" + granted, agent.token(), null);
        assertThat(byAccount.json().path("items"))
                .as("the account's posts, by due time, newest first")
                .extracting(p -> p.path("id").asString())
                .containsExactlyElementsOf(created.reversed());
        assertThat(send("GET", "/api/v1/agent/posts?limit=0", agent.token(), null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anAccountsPostsArePagedByDueTimeAndRefuseCursorsOfOtherListings() {
        grant(w, agent, granted, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
        var created = new java.util.ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            var post = agentPost(
                    agent,
                    "{\"content\":\"Account paged " + i + "\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-02-0"
                            + i + "T09:00:00Z\"}");
            assertThat(post.status()).as(post.body()).isEqualTo(201);
            created.add(post.json().path("results").get(0).path("postId").asString());
        }
        String listing = "/api/v1/agent/posts?limit=2&connectionId=" + granted;

        var first = send("GET", listing, agent.token(), null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String cursor = first.json().path("nextCursor").asString();
        var last = send("GET", listing + "&cursor=" + cursor, agent.token(), null);
        assertThat(last.status()).as(last.body()).isEqualTo(200);

        var seen = new java.util.ArrayList<String>();
        first.json().path("items").forEach(p -> seen.add(p.path("id").asString()));
        last.json().path("items").forEach(p -> seen.add(p.path("id").asString()));
        assertThat(seen).as("every post once, latest due first").containsExactlyElementsOf(created.reversed());
        assertThat(last.json().path("nextCursor").isNull()
                        || last.json().path("nextCursor").isMissingNode())
                .as("the last page has no next")
                .isTrue();

        String foreign = herald.web.api.paging.Cursor.encode(
                "posts", "2099-02-02T09:00:00Z", java.util.UUID.randomUUID().toString());
        for (String refused :
                java.util.List.of("/api/v1/agent/posts?limit=2&cursor=" + cursor, listing + "&cursor=" + foreign)) {
            var response = send("GET", refused, agent.token(), null);
            assertThat(response.status()).as(refused).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("cursor");
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNoSecondPost() {
        String body = "{\"content\":\"Once only\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-01T09:00:00Z\"}";
        grant(w, agent, granted, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);

        var first = send("POST", "/api/v1/agent/posts", agent.token(), body, "Idempotency-Key", "agent-retry-1");
        var retry = send("POST", "/api/v1/agent/posts", agent.token(), body, "Idempotency-Key", "agent-retry-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("results").get(0).path("postId").asString())
                .isEqualTo(first.json().path("results").get(0).path("postId").asString());
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void anAgentCancelsItsOwnScheduledPostButNoOneElsesNorAPublishedOne() {
        grant(w, agent, granted, "[\"POST_CREATE\",\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
        String later = agentPost(
                        agent,
                        "{\"content\":\"Withdrawn\",\"platforms\":[\"sandbox\"],\"scheduleAt\":\"2099-01-01T09:00:00Z\"}")
                .json()
                .path("results")
                .get(0)
                .path("postId")
                .asString();
        String now = agentPost(agent, "{\"content\":\"Out already\",\"platforms\":[\"sandbox\"],\"waitSeconds\":10}")
                .json()
                .path("results")
                .get(0)
                .path("postId")
                .asString();
        awaitPost(agent, now, p -> p.path("status").asString().equals("published"), Duration.ofSeconds(30));
        AgentKey colleague = agent(w, "Colleague bot");
        grant(w, colleague, granted, "[\"POST_CREATE\",\"POST_READ\"]", false, null);

        var byColleague = send("POST", "/api/v1/agent/posts/" + later + "/cancel", colleague.token(), null);
        var cancelled = send("POST", "/api/v1/agent/posts/" + later + "/cancel", agent.token(), null);
        var again = send("POST", "/api/v1/agent/posts/" + later + "/cancel", agent.token(), null);
        var published = send("POST", "/api/v1/agent/posts/" + now + "/cancel", agent.token(), null);

        assertThat(byColleague.status()).isEqualTo(404);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("targets").get(0).path("status").asString())
                .isEqualTo("cancelled");
        assertThat(send("GET", "/api/v1/agent/posts/" + later, agent.token(), null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("cancelled");
        assertThat(published.status()).isEqualTo(409);
        assertThat(published.json().path("detail").asString()).contains("published");
        assertThat(audit(w, "post.cancelled")).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("agent");
            assertThat(row.get("actor_id")).isEqualTo(agent.id());
        });
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("posts.cancel") && d.contains("\"outcome\": \"ok\""))
                .anyMatch(d -> d.contains("posts.cancel") && d.contains("\"outcome\": \"not_found\""))
                .anyMatch(d -> d.contains("posts.cancel") && d.contains("\"outcome\": \"conflict\""));
    }

    int posts() {
        return context.getBean(herald.database.TenantScope.class)
                .call(w.id(), () -> jdbc.sql("select count(*) from posts where workspace_id = :w")
                        .param("w", w.id().value())
                        .query(Integer.class)
                        .single());
    }
}
