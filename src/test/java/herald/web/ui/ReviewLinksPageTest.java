package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import herald.audit.Actor;
import herald.connections.ConnectionId;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostNotes;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.reviews.ReviewLinkDraft;
import herald.reviews.ReviewLinks;
import herald.tenancy.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The review links page (editors make, list and revoke links; the URL is shown once) and the public page a client
 * opens without signing in: its headers, one 404 for every link that does not work, comments and decisions with CSRF,
 * and its rate limits (see the test application.yml: 20 requests an hour per link, 30 per address).
 */
@UiTest
class ReviewLinksPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    ReviewLinks links;

    @Autowired
    Posts posts;

    @Autowired
    PostNotes notes;

    @Autowired
    org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails ownerDetails;

    @Autowired
    herald.assets.Assets library;

    @Autowired
    herald.assets.Folders folders;

    UiFixtures.Team team;
    ConnectionId account;
    /** Each test's requests come from an address of its own, so the per-address limit counts only them. */
    String address;

    @BeforeEach
    void aTeamWithAnAccount() {
        team = fixtures.team();
        account = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "rv" + UiFixtures.tag());
        address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void editorsMakeALinkWhoseUrlIsShownOnceAndViewersCannot() throws Exception {
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        assertThat(mvc.perform(get(team.path() + "/review-links").with(as(viewer)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(create(viewer, "Sneaky"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(links.page(team.workspace().id(), null, 10)).isEmpty();

        var made = mvc.perform(create(editor, "Acme marketing team")
                        .param("accounts", account.value().toString()))
                .andReturn()
                .getResponse();
        String page = made.getContentAsString();
        var shown = Pattern.compile(
                        "id=\"new-review-link\" type=\"text\" readonly value=\"(http[^\"]+/review/([^\"]+))\"")
                .matcher(page);

        assertThat(made.getStatus()).isEqualTo(200);
        assertThat(made.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(shown.find()).as(page).isTrue();
        assertThat(page).contains("it is shown only this once").contains("data-copy=\"#new-review-link\"");
        String token = shown.group(2);
        var listed = mvc.perform(get(team.path() + "/review-links").with(as(editor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed)
                .doesNotContain(token)
                .contains("Acme marketing team")
                .contains("Sandbox @")
                .contains("data-test=\"review-link-status\">Active<");
        assertThat(open(token).getStatus()).isEqualTo(200);

        var link = links.page(team.workspace().id(), null, 10).getFirst();
        assertThat(link.accounts()).containsExactly(account);
        assertThat(link.createdBy()).isEqualTo(editor.id());
        mvc.perform(post(team.path() + "/review-links/" + link.id() + "/revoke")
                .with(csrf())
                .with(as(editor)));
        assertThat(mvc.perform(get(team.path() + "/review-links").with(as(editor)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-test=\"review-link-status\">Revoked<");
        assertThat(open(token).getStatus()).isEqualTo(404);
    }

    @Test
    void badInputComesBackToTheFormNamingTheField() throws Exception {
        var response = mvc.perform(create(team.owner(), "Acme").param("expiresInDays", "91"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("id=\"expiresInDays-error\"")
                .contains("1 to 90 days")
                .doesNotContain("new-review-link");
        assertThat(links.page(team.workspace().id(), null, 10)).isEmpty();
    }

    @Test
    void thePublicPageShowsTheScopeWithoutIdsAndCarriesItsHeaders() throws Exception {
        Post post = scheduled("Pizza Friday!");
        String token = link(false);

        MockHttpServletResponse page = open(token);

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("X-Robots-Tag")).contains("noindex");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        String body = page.getContentAsString();
        assertThat(body)
                .contains(team.workspace().name())
                .contains("Pizza Friday!")
                .contains("Who is reviewing?")
                .doesNotContain(post.id().toString())
                .doesNotContain(account.value().toString())
                .doesNotContain(team.workspace().id().toString());
    }

    @Test
    void eachPostShowsItsFirstCommentsEscapedAndAPostWithoutOneNoLabel() throws Exception {
        var other = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "rw" + UiFixtures.tag());
        NewPost plain = newPost("Plain pasta");
        posts.create(
                team.workspace().id(),
                new NewPost(
                        "Pizza Friday!",
                        null,
                        List.of(),
                        List.of(
                                new NewPost.NewTarget(account, null),
                                new NewPost.NewTarget(other, null, "Own <b>one</b>")),
                        plain.scheduledAt(),
                        plain.timezone(),
                        false,
                        List.of(),
                        null,
                        "#pizza <script>alert(1)</script>"));
        posts.create(team.workspace().id(), plain);
        String token = link(false);

        String body = open(token).getContentAsString();

        String[] articles = body.split("<article");
        assertThat(articles).hasSize(3);
        String commented = articles[1].contains("Pizza Friday!") ? articles[1] : articles[2];
        String uncommented = articles[1].contains("Pizza Friday!") ? articles[2] : articles[1];
        assertThat(commented)
                .contains("<strong>First comment</strong>")
                .contains("data-test=\"review-first-comment\">#pizza &lt;script&gt;alert(1)&lt;/script&gt;</p>")
                .contains("data-test=\"review-first-comment\">Own &lt;b&gt;one&lt;/b&gt;</p>")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("Own <b>")
                .as("what will be published, not how Herald is getting on with it")
                .doesNotContainIgnoringCase("waiting");
        assertThat(uncommented).contains("Plain pasta").doesNotContain("First comment");
    }

    @Test
    void aThreadShowsEachPartWithItsOwnMedia() throws Exception {
        var folder = folders.all(team.workspace().id()).getFirst();
        var crust = library.upload(
                team.workspace().id(),
                folder.id(),
                new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                herald.assets.Upload.named("crust.png"));
        posts.create(
                team.workspace().id(),
                newPost("A thread on crusts")
                        .withThread(herald.publishing.ThreadContent.of(
                                List.of("Words first", "And the picture"), List.of(List.of(), List.of(crust.id())))));

        String body = open(link(false)).getContentAsString();

        assertThat(body).contains("Words first").contains("And the picture");
        String thread = body.split("data-test=\"review-thread\"")[1].split("</ol>")[0];
        String second = thread.substring(0, thread.indexOf("And the picture"));
        String third = thread.substring(thread.indexOf("And the picture"));
        assertThat(second).contains("Words first").doesNotContain("review-thread-media");
        assertThat(third).contains("aria-label=\"Media of part 3\"").contains("alt=\"crust.png\"");
    }

    @Test
    void aStoryShowsAsAStoryNotAsTheTextItDoesNotPublish() throws Exception {
        var folder = folders.all(team.workspace().id()).getFirst();
        var photo = library.upload(
                team.workspace().id(),
                folder.id(),
                new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                herald.assets.Upload.named("story.png"));
        NewPost plain = newPost("Only for the team");
        posts.create(
                team.workspace().id(),
                new NewPost(
                        plain.body(),
                        null,
                        List.of(photo.id()),
                        List.of(new NewPost.NewTarget(account, null, null, herald.providers.PostFormat.STORY)),
                        plain.scheduledAt(),
                        plain.timezone(),
                        false));

        String body = open(link(false)).getContentAsString();

        assertThat(body)
                .contains("data-test=\"review-story\"")
                .contains("As a story")
                .doesNotContain("data-test=\"review-body\">Only for the team");
    }

    @Test
    void unknownExpiredAndRevokedLinksShowTheSame404() throws Exception {
        String revoked = link(false);
        links.revoke(
                team.workspace().id(),
                links.page(team.workspace().id(), null, 1).getFirst().id());
        String expired = link(false);
        herald.OwnerDatabase.jdbc(ownerDetails)
                .sql("update review_links set created_at = now() - interval '20 days',"
                        + " expires_at = now() - interval '1 second' where workspace_id = :w and label = 'Client'"
                        + " and revoked_at is null")
                .param("w", team.workspace().id().value())
                .update();

        MockHttpServletResponse unknown = open("no-such-token-" + UiFixtures.tag());
        MockHttpServletResponse gone = open(revoked);

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(unknown.getContentAsString()).contains("This review link does not work");
        assertThat(unknown.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(open(expired).getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(mvc.perform(anonymous(post("/review/" + revoked + "/name").with(csrf()))
                                .param("name", "Marge"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aReviewerNamesThemselvesOnceThenCommentsWithCsrf() throws Exception {
        Post post = scheduled("Taco Tuesday");
        String token = link(false);
        String ref = ref(token);
        var session = new Visitor();

        var nameless = session.keep(mvc.perform(anonymous(post("/review/" + token + "/posts/" + ref + "/notes")
                                .with(csrf()))
                        .with(session)
                        .param("body", "Before my name"))
                .andReturn());
        assertThat(nameless.getFlashMap().get("problem")).asString().contains("your name first");
        var forged = mvc.perform(anonymous(post("/review/" + token + "/name"))
                        .with(session)
                        .param("name", "Mallory"))
                .andReturn()
                .getResponse();
        assertThat(forged.getStatus()).as("no CSRF token, no change").isEqualTo(403);
        session.keep(mvc.perform(anonymous(post("/review/" + token + "/name").with(csrf()))
                        .with(session)
                        .param("name", "Marge Simpson"))
                .andReturn());
        mvc.perform(
                anonymous(post("/review/" + token + "/posts/" + ref + "/notes").with(csrf()))
                        .with(session)
                        .param("body", "Add the price, please."));

        assertThat(notes.of(team.workspace().id(), post.id())).singleElement().satisfies(note -> {
            assertThat(note.body()).isEqualTo("Add the price, please.");
            assertThat(note.authorType()).isEqualTo("reviewer");
            assertThat(note.authorLabel()).isEqualTo("Marge Simpson (via review link 'Client')");
        });
        String page = mvc.perform(anonymous(get("/review/" + token)).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Reviewing as <strong>Marge Simpson</strong>")
                .contains("Add the price, please.")
                .doesNotContain("Approve</button>");
    }

    @Test
    void aReviewerApprovesOnlyThroughALinkThatAllowsIt() throws Exception {
        Post pending = awaitingApproval("Needs a yes");
        String commentOnly = link(false);
        String approving = link(true);
        var session = named(approving, "Marge");

        mvc.perform(anonymous(post("/review/" + commentOnly + "/posts/" + ref(commentOnly) + "/approve")
                        .with(csrf()))
                .with(session));
        assertThat(posts.get(team.workspace().id(), pending.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);
        assertThat(mvc.perform(anonymous(get("/review/" + approving)).with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Approve</button>");

        var approved = mvc.perform(anonymous(post("/review/" + approving + "/posts/" + ref(approving) + "/approve")
                                .with(csrf()))
                        .with(session))
                .andReturn();

        assertThat(approved.getResponse().getStatus()).isEqualTo(302);
        assertThat(approved.getFlashMap().get("notice")).asString().contains("Approved");
        assertThat(posts.get(team.workspace().id(), pending.id()).status()).isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void eachLinkAndEachAddressHasAnHourlyAllowance() throws Exception {
        scheduled("Popular");
        String token = link(false);
        for (int i = 0; i < 20; i++) {
            assertThat(open(token).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = open(token);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.getContentAsString()).doesNotContain(token);
        String other = link(false);
        assertThat(open(other).getStatus())
                .as("another link has its own allowance")
                .isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            open("guess-" + i);
        }
        assertThat(open("guess-9").getStatus())
                .as("one address guessing tokens is stopped after 30 requests")
                .isEqualTo(429);
        address = "10.255.0." + ThreadLocalRandom.current().nextInt(1, 255);
        assertThat(open(other).getStatus()).isEqualTo(200);
    }

    // --- fixtures

    MockHttpServletRequestBuilder create(herald.identity.User who, String label) {
        String today = LocalDateFormat.today();
        return post(team.path() + "/review-links")
                .with(csrf())
                .with(as(who))
                .param("label", label)
                .param("from", today)
                .param("to", LocalDateFormat.inDays(30))
                .param("expiresInDays", "14");
    }

    /** A link for the coming 30 days; returns its token. */
    String link(boolean mayApprove) {
        return links.create(
                        team.workspace().id(),
                        new ReviewLinkDraft(
                                "Client",
                                Instant.now().minus(Duration.ofDays(1)),
                                Instant.now().plus(Duration.ofDays(30)),
                                List.of(),
                                null,
                                mayApprove,
                                null),
                        null)
                .token();
    }

    MockHttpServletResponse open(String token) throws Exception {
        return mvc.perform(anonymous(get("/review/" + token))).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder anonymous(MockHttpServletRequestBuilder request) {
        return request.with(from(address));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * A browser's cookies: sessions are Spring Session's (in Postgres), found by the {@code SESSION} cookie, so a
     * MockHttpSession would not reach them.
     */
    static final class Visitor implements RequestPostProcessor {

        private Cookie[] cookies = new Cookie[0];

        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest request) {
            if (cookies.length > 0) {
                request.setCookies(cookies);
            }
            return request;
        }

        org.springframework.test.web.servlet.MvcResult keep(org.springframework.test.web.servlet.MvcResult result) {
            if (result.getResponse().getCookies().length > 0) {
                cookies = result.getResponse().getCookies();
            }
            return result;
        }
    }

    Visitor named(String token, String name) throws Exception {
        var session = new Visitor();
        session.keep(mvc.perform(anonymous(post("/review/" + token + "/name").with(csrf()))
                        .with(session)
                        .param("name", name))
                .andReturn());
        return session;
    }

    /** The first post's reference on the link's page. */
    String ref(String token) throws Exception {
        var matcher = Pattern.compile("data-review-post=\"([^\"]+)\"")
                .matcher(open(token).getContentAsString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    Post scheduled(String body) {
        return posts.create(team.workspace().id(), newPost(body));
    }

    Post awaitingApproval(String body) {
        return posts.create(
                team.workspace().id(), newPost(body), Provenance.of(Provenance.Origin.SYSTEM, Actor.system()), true);
    }

    NewPost newPost(String body) {
        return new NewPost(
                body,
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null)),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                        .format(Instant.now().plus(Duration.ofDays(3)).atZone(ZoneId.of("Europe/Berlin"))),
                "Europe/Berlin",
                false);
    }

    /** Days as the form takes them, in the team's zone (Europe/Berlin). */
    static final class LocalDateFormat {

        static String today() {
            return inDays(0);
        }

        static String inDays(int days) {
            return java.time.LocalDate.now(ZoneId.of("Europe/Berlin"))
                    .plusDays(days)
                    .toString();
        }
    }
}
