package herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import herald.MutableClock;
import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.identity.SignedInUser;
import herald.identity.User;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.Posts;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * E-mail of notifications through a real SMTP server (GreenMail): at once to each member who can act, never a muted
 * kind or to another workspace, a daily digest in one e-mail at its hour, and a send that fails while the server is
 * down tried again and delivered once when it is back, or given up after the last attempt. The one context with
 * {@code spring.mail.host} set; the tests without it (e-mail off) are in {@link NotificationsTests}.
 */
@AutoConfigureMockMvc
@SpringBootTest(
        properties = {
            "herald.notifications.email.every=1s",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "spring.mail.properties.mail.smtp.writetimeout=2000"
        })
class NotificationEmailTests {

    static final int PORT = freePort();
    static GreenMail smtp = smtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    NotificationEvents events;

    @Autowired
    NotificationEmails emails;

    @Autowired
    NotificationMutes mutes;

    @Autowired
    Notifications notifications;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailWriter writer;

    @Autowired
    MailServer mail;

    @Autowired
    NotificationSettings settings;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Memberships memberships;

    @Autowired
    Posts posts;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Value("${herald.public-url}")
    String publicUrl;

    TenantFixtures fixtures;
    Workspace workspace;
    User owner;
    User editor;
    User viewer;
    ConnectionId krusty;

    @BeforeEach
    void aTeamWithAnAccount() throws Exception {
        if (!smtp.isRunning()) {
            smtp = smtp();
        }
        smtp.purgeEmailFromAllMailboxes();
        fixtures = TenantFixtures.of(context);
        var signedUp = fixtures.signUp("mail", "pro");
        workspace = signedUp.workspace().orElseThrow();
        owner = signedUp.user();
        editor = member("editor", Role.EDITOR);
        viewer = member("viewer", Role.VIEWER);
        krusty = TenantFixtures.sandboxAccount(tenants, jdbc, workspace.id(), "krusty");
    }

    @Test
    void aNotificationIsEmailedAtOnceToEachMemberWhoCanActInItsWorkspaceOnly() throws Exception {
        var neighbour = fixtures.signUp("neighbour", "pro");
        assertThat(emails.enabled()).isTrue();
        assertThat(emails.of(workspace.id(), editor.id()))
                .as("a member who joined since e-mail exists has it at once")
                .isEqualTo(EmailPreference.DEFAULT);
        Post post = post("Margherita night is back on Friday");

        fail(post, "Duplicate content.");

        List<MimeMessage> received = sendAndAwait(2);
        assertThat(received)
                .flatExtracting(NotificationEmailTests::recipients)
                .as("the owner and the editor; not the viewer, nor the neighbour's owner")
                .filteredOn(List.of(
                        owner.email(),
                        editor.email(),
                        viewer.email(),
                        neighbour.user().email())::contains)
                .containsExactlyInAnyOrder(owner.email(), editor.email());
        MimeMessage toEditor = to(received, editor);
        Notification notification =
                notifications.recent(workspace.id(), editor.id(), null, 1).getFirst();
        assertThat(toEditor.getSubject())
                .isEqualTo("[" + workspace.name() + "] A post failed: “Margherita night is back on Friday”");
        assertThat(toEditor.getFrom()[0].toString()).isEqualTo("Herald <herald@localhost>");
        String text = text(toEditor);
        assertThat(text)
                .contains("Something needs you in " + workspace.name() + " on Herald.")
                .contains("Sandbox @krusty did not publish it: Duplicate content.")
                .contains("Open it: " + publicUrl + "/w/" + workspace.slug() + "/notifications/" + notification.id()
                        + "/open")
                .contains("To change or stop these emails: " + publicUrl + "/w/" + workspace.slug()
                        + "/notifications#email");
        assertThat(html(toEditor))
                .contains("href=\"" + publicUrl + "/w/" + workspace.slug() + "/notifications/" + notification.id()
                        + "/open\"");
        assertThat(toEditor.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<" + publicUrl + "/w/" + workspace.slug() + "/notifications#email>");
        assertThat(statuses(editor)).containsExactly("sent");
        assertThat(neighbour.workspace()).isPresent();

        fail(post, "Duplicate content again.");
        sendAndAwait(0);
        assertThat(received(editor))
                .as("another event on the unread notification adds to it: it is not e-mailed again")
                .hasSize(1);
    }

    @Test
    void aMutedKindAndAMemberWhoChoseOffAreNotEmailed() throws Exception {
        mutes.choose(workspace.id(), editor.id(), Set.of(NotificationKind.POST_FAILED));
        User admin = member("admin", Role.ADMIN);
        emails.choose(workspace.id(), admin.id(), new EmailPreference(EmailDelivery.OFF, 8));

        fail(post("Muted for the editor"), "No.");

        sendAndAwait(1);
        assertThat(received(owner)).hasSize(1);
        sendAndAwait(1);
        assertThat(received(editor)).isEmpty();
        assertThat(received(admin)).isEmpty();
        assertThat(statuses(admin))
                .as("nothing is queued for a member who chose off")
                .isEmpty();
    }

    @Test
    void aFailedFirstCommentIsEmailedAtOnceLinkingToItsPostButNotToWhoMutedIt() throws Exception {
        mutes.choose(workspace.id(), owner.id(), Set.of(NotificationKind.POST_COMMENT_FAILED));
        Post post = post("Hashtags below");

        raise(new PostCommentFailed(
                workspace.id(),
                post.id(),
                post.targets().getFirst().id(),
                "sandbox",
                "Comments are turned off for this post.",
                false,
                clock.instant()));

        MimeMessage toEditor = to(sendAndAwait(1), editor);
        Notification notification =
                notifications.recent(workspace.id(), editor.id(), null, 1).getFirst();
        assertThat(notification.link()).isEqualTo("/w/" + workspace.slug() + "/posts/" + post.id());
        assertThat(toEditor.getSubject())
                .isEqualTo("[" + workspace.name() + "] A first comment failed: “Hashtags below”");
        assertThat(text(toEditor))
                .contains("Sandbox @krusty published the post but did not take its first comment: Comments are"
                        + " turned off for this post.")
                .contains("Open it: " + publicUrl + "/w/" + workspace.slug() + "/notifications/" + notification.id()
                        + "/open");
        assertThat(received(owner)).as("the owner muted the kind").isEmpty();
        assertThat(statuses(owner)).isEmpty();
    }

    @Test
    void aDigestGathersTheDaysNotificationsIntoOneEmailAtItsHour() throws Exception {
        // The digest hour twelve hours from now: the job, on the real clock, is not due before the test has ended.
        int hour = ZonedDateTime.now(workspace.timezone()).plusHours(12).getHour();
        emails.choose(workspace.id(), editor.id(), new EmailPreference(EmailDelivery.DAILY, hour));
        emails.choose(workspace.id(), owner.id(), new EmailPreference(EmailDelivery.OFF, 8));
        fail(post("First of the day"), "No.");
        fail(post("Second of the day"), "No.");
        fail(post("Third of the day"), "No.");
        Instant due = dueAt(editor);
        assertThat(due.atZone(workspace.timezone()).getHour()).isEqualTo(hour);
        assertThat(due.atZone(workspace.timezone()).getMinute()).isZero();

        var clock = new MutableClock(due.minus(Duration.ofMinutes(1)));
        NotificationMailer mailer = mailer(clock);
        mailer.sendDue();
        assertThat(received(editor)).as("a minute before its hour").isEmpty();
        assertThat(statuses(editor)).containsOnly("pending");
        clock.advance(Duration.ofMinutes(2));
        mailer.sendDue();

        List<MimeMessage> digest = received(editor);
        assertThat(digest).hasSize(1);
        assertThat(digest.getFirst().getSubject())
                .isEqualTo("[" + workspace.name() + "] Your daily digest: 3 notifications");
        assertThat(text(digest.getFirst()))
                .contains("Here is what needed you in " + workspace.name())
                .contains("A post failed: “First of the day”")
                .contains("A post failed: “Second of the day”")
                .contains("A post failed: “Third of the day”");
        assertThat(statuses(editor)).containsOnly("sent").hasSize(3);
        clock.advance(Duration.ofDays(1));
        mailer.sendDue();
        assertThat(received(editor)).as("sent once").hasSize(1);
        assertThat(received(owner)).as("the owner chose off").isEmpty();
    }

    @Test
    void aSendWhileTheServerIsDownIsTriedAgainAndDeliveredOnceWhenItIsBack() throws Exception {
        var clock = queuedForTheEditor("Sent when the server is back");
        NotificationMailer mailer = mailer(clock);
        smtp.stop();

        mailer.sendDue();
        assertThat(attempts(editor)).isEqualTo(1);
        assertThat(statuses(editor)).containsExactly("pending");
        clock.advance(settings.email().backoff().minusSeconds(1));
        mailer.sendDue();
        assertThat(attempts(editor)).as("not before the backoff").isEqualTo(1);

        smtp = smtp();
        clock.advance(Duration.ofSeconds(2));
        mailer.sendDue();
        assertThat(received(editor)).hasSize(1);
        clock.advance(Duration.ofDays(1));
        mailer.sendDue();

        assertThat(received(editor)).hasSize(1);
        assertThat(statuses(editor)).containsExactly("sent");
        assertThat(attempts(editor)).isEqualTo(2);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSendIsGivenUpAfterTheLastAttemptWithALogLineThatNamesIdsOnly(CapturedOutput output) throws Exception {
        var clock = queuedForTheEditor("Never sent");
        NotificationMailer mailer = mailer(clock);
        smtp.stop();

        for (int attempt = 1; attempt <= settings.email().maxAttempts(); attempt++) {
            mailer.sendDue();
            assertThat(attempts(editor)).isEqualTo(attempt);
            clock.advance(settings.email().backoffAfter(attempt).plusSeconds(1));
        }
        assertThat(statuses(editor)).containsExactly("failed");
        assertThat(output.getOut())
                .contains("Gave up e-mailing 1 notification(s) to member " + editor.id() + " of workspace "
                        + workspace.id() + " after " + settings.email().maxAttempts() + " attempts")
                .doesNotContain(editor.email())
                .doesNotContain("Never sent");

        smtp = smtp();
        clock.advance(Duration.ofDays(1));
        mailer.sendDue();
        assertThat(received(editor)).isEmpty();
    }

    @Test
    void theNotificationsPageOffersTheChoiceAndSavingItAppliesToWhatIsWaiting() throws Exception {
        String path = "/w/" + workspace.slug() + "/notifications";
        String page = mvc.perform(get(path).with(as(editor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .doesNotContain("Email is not set up")
                .contains("name=\"delivery\" value=\"immediately\" checked=\"checked\"")
                .contains("<option value=\"8\" selected=\"selected\">08:00</option>")
                .contains("In the workspace&#39;s time zone, "
                        + workspace.timezone().getId() + ". Emails go to " + editor.email());
        emails.choose(workspace.id(), owner.id(), new EmailPreference(EmailDelivery.OFF, 8));
        mvc.perform(MockMvcRequestBuilders.post(path + "/email")
                        .param("delivery", "off")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(redirectedUrl(path + "#email"))
                .andExpect(flash().attribute("notice", "Email settings saved: no email."));
        fail(post("Waits for the digest"), "No.");
        assertThat(statuses(editor)).as("nothing is queued while off").isEmpty();

        mvc.perform(MockMvcRequestBuilders.post(path + "/email")
                        .param("delivery", "daily")
                        .param("digestHour", "7")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Email settings saved: a daily digest at 07:00."));
        assertThat(emails.of(workspace.id(), editor.id())).isEqualTo(new EmailPreference(EmailDelivery.DAILY, 7));
        assertThat(statuses(editor))
                .as("chosen after the notification: it was not queued, and nothing is sent for it")
                .isEmpty();
        var entries = audit.find(workspace.id(), new AuditQuery("notifications.email", null, null, null, null, 10));
        assertThat(entries).extracting(e -> e.details().get("email")).containsExactly("daily at 07:00", "off", "off");
        mvc.perform(MockMvcRequestBuilders.post(path + "/email")
                        .param("delivery", "weekly")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", "Choose Immediately, Daily digest or Off, not 'weekly'."));
        mvc.perform(MockMvcRequestBuilders.post(path + "/email")
                        .param("delivery", "daily")
                        .param("digestHour", "24")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", "Choose an hour from 00:00 to 23:00 for the digest."));
        assertThat(emails.of(workspace.id(), editor.id()))
                .as("a refused choice changes nothing")
                .isEqualTo(new EmailPreference(EmailDelivery.DAILY, 7));
        mvc.perform(get(path).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Save email settings"))));
    }

    /** A notification for the editor, due at their digest hour far ahead; a clock at that hour. */
    MutableClock queuedForTheEditor(String body) throws InterruptedException {
        int hour = ZonedDateTime.now(workspace.timezone()).plusHours(12).getHour();
        emails.choose(workspace.id(), editor.id(), new EmailPreference(EmailDelivery.DAILY, hour));
        emails.choose(workspace.id(), owner.id(), new EmailPreference(EmailDelivery.OFF, 8));
        fail(post(body), "No.");
        return new MutableClock(dueAt(editor));
    }

    NotificationMailer mailer(Clock clock) {
        return new NotificationMailer(outbox, writer, mail, tenants, workspaces, memberships, mutes, settings, clock);
    }

    User member(String label, Role role) {
        User user = fixtures.user(label);
        memberships.join(workspace.id(), user.id(), role, Map.of());
        return user;
    }

    Post post(String body) {
        return posts.create(
                workspace.id(),
                new NewPost(
                        body,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null)),
                        "2030-01-07T09:00",
                        "Europe/Berlin",
                        false));
    }

    void fail(Post post, String reason) throws InterruptedException {
        raise(new PostFailed(
                workspace.id(), post.id(), post.targets().getFirst().id(), "sandbox", reason, clock.instant()));
    }

    void raise(Object event) throws InterruptedException {
        publisher.publishEvent(event);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!events.idle() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events.idle()).as("the worker handled every event").isTrue();
    }

    /**
     * Runs the sending job once on this thread, as the db-scheduler task does every second, and waits for {@code count}
     * e-mails in all. The task itself may run on another cached test context that shares the database and has no mail
     * server (so it sends nothing), hence the direct call; the claim keeps the two from sending one e-mail twice.
     */
    List<MimeMessage> sendAndAwait(int count) {
        context.getBean(NotificationMailer.class).sendDue();
        return awaitMail(count);
    }

    List<MimeMessage> awaitMail(int count) {
        assertThat(smtp.waitForIncomingEmail(15_000, count))
                .as("%d e-mails within 15 s", count)
                .isTrue();
        return List.of(smtp.getReceivedMessages());
    }

    List<MimeMessage> received(User user) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(user.email()))
                .toList();
    }

    static MimeMessage to(List<MimeMessage> messages, User user) {
        return messages.stream()
                .filter(m -> recipients(m).contains(user.email()))
                .findFirst()
                .orElseThrow();
    }

    List<String> statuses(User user) {
        return tenants.read(workspace.id(), () -> jdbc.sql(
                        "select status from notification_emails where workspace_id = :w and user_id = :u")
                .param("w", workspace.id().value())
                .param("u", user.id().value())
                .query(String.class)
                .list());
    }

    int attempts(User user) {
        return tenants.read(workspace.id(), () -> jdbc.sql(
                        "select max(attempts) from notification_emails where workspace_id = :w and user_id = :u")
                .param("w", workspace.id().value())
                .param("u", user.id().value())
                .query(Integer.class)
                .single());
    }

    Instant dueAt(User user) {
        return tenants.read(workspace.id(), () -> jdbc.sql(
                        "select max(due_at) from notification_emails where workspace_id = :w and user_id = :u")
                .param("w", workspace.id().value())
                .param("u", user.id().value())
                .query(Timestamp.class)
                .single()
                .toInstant());
    }

    static RequestPostProcessor as(User user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInUser(user.id(), user.email(), user.displayName()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Part part) throws MessagingException, IOException {
        return part("text/plain", part);
    }

    static String html(Part part) throws MessagingException, IOException {
        return part("text/html", part);
    }

    /** The first part of {@code type} in the message, decoded. */
    static String part(String type, Part part) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(type, multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static GreenMail smtp() {
        var server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
