package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent's repeating posts: asked for with {@code repeat}, each next post is the agent's own (its list, its daily
 * cap, its grant's approval), and the series ends, saying why, once the agent may no longer post so. The latest post is
 * moved into the past by hand, as time would; the repeat sweep may make the next first, so the tests read what is
 * stored rather than who made it.
 */
class AgentRepeatsTests extends AgentTestBase {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    Workspace w;
    String account;
    AgentKey agent;

    @BeforeEach
    void grantedAnAccount() {
        w = workspace("AgentRepeats");
        account = xAccount(w, "repeats" + UUID.randomUUID().toString().substring(0, 6));
        agent = agent(w, "Soup bot");
        grant(w, agent, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
    }

    String weekly(String text) {
        var posted = agentPost(
                agent,
                """
                {"content":"%s","connectionIds":["%s"],"scheduleAt":"2099-03-02T12:00","timezone":"Europe/Berlin",
                 "repeat":{"every":"week"}}"""
                        .formatted(text, account));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode result = posted.json().path("results").get(0);
        assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("scheduled");
        return result.path("postId").asString();
    }

    /** As if the post's time came five minutes ago: its time and its series' first time move back. */
    void cameAgo(String post) {
        LocalDateTime local = LocalDateTime.now(BERLIN).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        context.getBean(TenantScope.class).run(w.id(), () -> {
            jdbc.sql("update posts set scheduled_at = :at where workspace_id = :w and id = :p")
                    .param("at", Timestamp.from(local.atZone(BERLIN).toInstant()))
                    .param("w", w.id().value())
                    .param("p", UUID.fromString(post))
                    .update();
            jdbc.sql("update post_repeats set starts_at = :start where workspace_id = :w and post_id = :p")
                    .param("start", Timestamp.valueOf(local))
                    .param("w", w.id().value())
                    .param("p", UUID.fromString(post))
                    .update();
        });
    }

    /** Makes the next post of the series (unless the sweep did first); answers the series of {@code post}. */
    PostRepeats.Series next(String post) {
        cameAgo(post);
        PostRepeats repeats = context.getBean(PostRepeats.class);
        repeats.makeNext(w.id(), new PostId(UUID.fromString(post)));
        return repeats.of(w.id(), new PostId(UUID.fromString(post))).orElseThrow();
    }

    Post post(PostId id) {
        return context.getBean(Posts.class).get(w.id(), id);
    }

    @Test
    void eachNextPostIsTheAgentsOwnAndTheAgentStopsTheSeries() {
        String first = weekly("Soup of the week");
        var view = send("GET", "/api/v1/agent/posts/" + first, agent.token(), null);
        assertThat(view.json().path("repeat").path("every").asString()).isEqualTo("week");
        assertThat(view.json().path("repeat").path("occurrence").asInt()).isEqualTo(1);

        PostId second = next(first).next();
        assertThat(second).as("the next post was made").isNotNull();
        Post made = post(second);
        assertThat(made.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(made.provenance().actorType()).isEqualTo("agent");
        assertThat(made.provenance().actorId()).isEqualTo(agent.id());
        assertThat(made.provenance().origin().value()).isEqualTo("agent_api");
        var ownView = send("GET", "/api/v1/agent/posts/" + second, agent.token(), null);
        assertThat(ownView.status()).as("the agent's own post: " + ownView).isEqualTo(200);
        assertThat(ownView.json().path("repeat").path("occurrence").asInt()).isEqualTo(2);
        assertThat(send("GET", "/api/v1/agent/posts", agent.token(), null)
                        .json()
                        .path("items")
                        .size())
                .as("in the agent's list of posts")
                .isEqualTo(2);

        AgentKey colleague = agent(w, "Colleague bot");
        grant(w, colleague, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
        var byColleague = send("POST", "/api/v1/agent/posts/" + second + "/stop-repeating", colleague.token(), null);
        assertThat(byColleague.status()).isEqualTo(404);
        var stopped = send("POST", "/api/v1/agent/posts/" + second + "/stop-repeating", agent.token(), null);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().path("repeat").path("ended").asString()).startsWith("Stopped by the agent Soup bot");
        var again = send("POST", "/api/v1/agent/posts/" + second + "/stop-repeating", agent.token(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(audit(w, "post.repeat_stopped")).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("agent");
            assertThat(row.get("actor_id")).isEqualTo(agent.id());
        });
    }

    @Test
    void theAgentSkipsAComingDayOfItsSeriesAndPutsItBack() {
        java.time.LocalDate start = java.time.LocalDate.now(BERLIN).plusDays(3);
        var posted = agentPost(
                agent,
                """
                {"content":"Soup soon","connectionIds":["%s"],"scheduleAt":"%sT12:00","timezone":"Europe/Berlin",
                 "repeat":{"every":"week"}}"""
                        .formatted(account, start));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String post = posted.json().path("results").get(0).path("postId").asString();
        String skips = "/api/v1/agent/posts/" + post + "/repeat/skips";
        java.time.LocalDate second = start.plusWeeks(1);

        var notADay = send("POST", skips, agent.token(), "{\"date\":\"" + start.plusDays(1) + "\"}");
        assertThat(notADay.status()).as(notADay.toString()).isEqualTo(400);
        assertThat(notADay.body()).contains("makes no post on");
        AgentKey colleague = agent(w, "Skipping colleague");
        grant(w, colleague, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null);
        assertThat(send("POST", skips, colleague.token(), "{\"date\":\"" + second + "\"}")
                        .status())
                .isEqualTo(404);

        var skipped = send("POST", skips, agent.token(), "{\"date\":\"" + second + "\"}");
        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
        assertThat(skipped.json().path("repeat").path("skipped").toString()).isEqualTo("[\"" + second + "\"]");
        assertThat(context.getBean(PostRepeats.class)
                        .of(w.id(), new PostId(UUID.fromString(post)))
                        .orElseThrow()
                        .skippedDays())
                .containsExactly(second);
        assertThat(audit(w, "post.repeat_skipped")).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("agent");
            assertThat(row.get("actor_id")).isEqualTo(agent.id());
        });

        var back = send("DELETE", skips + "/" + second, agent.token(), null);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("repeat").has("skipped")).isFalse();
    }

    @Test
    void theSeriesWaitsWhereTheGrantAsksApprovalAndEndsOnceTheAgentMayNotPostSo() {
        String approved = weekly("Waits for a person");
        String paused = weekly("Ends when paused");
        String revoked = weekly("Ends when revoked");
        String capped = weekly("Ends at the cap");

        grant(w, agent, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", true, null);
        PostId waiting = next(approved).next();
        assertThat(waiting).isNotNull();
        assertThat(post(waiting).status())
                .as("the grant now asks a member's approval of each post")
                .isEqualTo(PostStatus.PENDING_APPROVAL);

        grant(w, agent, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, 4);
        var capEnded = next(capped);
        assertThat(capEnded.next()).as("four posts today already").isNull();
        assertThat(capEnded.ended()).contains("could not be made").contains("4 times a day");

        String grantId = grant(w, agent, account, "[\"POST_SCHEDULE\",\"POST_READ\"]", false, null)
                .json()
                .path("id")
                .asString();
        assertThat(admin(w, "POST", "/agents/" + agent.id() + "/pause", null).status())
                .isEqualTo(200);
        var pauseEnded = next(paused);
        assertThat(pauseEnded.next()).isNull();
        assertThat(pauseEnded.ended()).contains("the agent Soup bot is paused");
        assertThat(admin(w, "POST", "/agents/" + agent.id() + "/resume", null).status())
                .isEqualTo(200);

        assertThat(admin(w, "DELETE", "/agents/" + agent.id() + "/grants/" + grantId, null)
                        .status())
                .isEqualTo(204);
        var revokeEnded = next(revoked);
        assertThat(revokeEnded.next()).isNull();
        assertThat(revokeEnded.ended()).contains("is no longer granted");
    }

    @Test
    void aRepeatTakesPostScheduleAndAKnownInterval() {
        String now = xAccount(w, "now" + UUID.randomUUID().toString().substring(0, 6));
        grant(w, agent, now, "[\"POST_CREATE\"]", false, null);

        var refused = agentPost(
                agent,
                "{\"content\":\"Every day, now\",\"connectionIds\":[\"" + now + "\"],\"repeat\":{\"every\":\"day\"}}");
        assertThat(refused.status())
                .as("no account got a post: " + refused.body())
                .isEqualTo(422);
        JsonNode result = refused.json().path("results").get(0);
        assertThat(result.path("error").asString()).isEqualTo("no_permission");
        assertThat(result.path("detail").asString()).contains("which a repeating post needs");

        var unknown = agentPost(
                agent,
                "{\"content\":\"Sometimes\",\"connectionIds\":[\"" + account
                        + "\"],\"scheduleAt\":\"2099-03-02T12:00\","
                        + "\"timezone\":\"Europe/Berlin\",\"repeat\":{\"every\":\"fortnightly\"}}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("repeat.every");
        assertThat(context.getBean(Posts.class)
                        .list(w.id(), new herald.publishing.PostQuery(null, null, null, null, null, null, 10)))
                .as("nothing was made")
                .isEmpty();
    }
}
