package herald;

import static org.assertj.core.api.Assertions.assertThat;

import herald.demo.DemoDataCleaner;
import herald.identity.User;
import herald.identity.Users;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.Workspaces;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two Herald nodes, each a full application on its own port, against one database: a person signed in on one is
 * signed in on the other, and signed out on both when they sign out on either. Both nodes seed the demo data at start,
 * and it exists once.
 */
class TwoNodesTests {

    static final String SESSION_COOKIE = "HERALD_SESSION";
    static final Pattern CSRF_FIELD = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;
    static User person;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * What a test needs and the UI may not offer: a CSRF token for a session (the UI's sign-in page is preferred when
     * it exists), and who a session belongs to.
     */
    @RestController
    static class SessionProbe {

        @GetMapping(path = "/sign-in", headers = "X-Herald-Probe=csrf")
        String csrfForm(CsrfToken token) {
            return "<form method=\"post\" action=\"/sign-in\"><input type=\"hidden\" name=\"" + token.getParameterName()
                    + "\" value=\"" + token.getToken() + "\"></form>";
        }

        @GetMapping("/herald-probe/whoami")
        String whoami(Authentication authentication) {
            return authentication.getName();
        }
    }

    /** Started by hand, a node would scan the test classes too; it gets exactly what a real node has, plus the probe. */
    static final class TestClassesAreNotScanned extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesAreNotScanned;
        }

        @Override
        public int hashCode() {
            return TestClassesAreNotScanned.class.hashCode();
        }
    }

    static ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(HeraldApplication.class, SessionProbe.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testClassesAreNotScanned", new TestClassesAreNotScanned()))
                .run(
                        "--server.port=0",
                        "--herald.database.name=two_nodes",
                        "--herald.demo.enabled=true",
                        "--herald.demo.password=two-nodes-one-database");
    }

    @BeforeAll
    static void twoNodes() {
        node1 = startNode();
        node2 = startNode();
        person = node1.getBean(Users.class)
                .register(TenantFixtures.uniqueEmail("two nodes"), "Two Nodes", TenantFixtures.PASSWORD);
    }

    @AfterAll
    static void stopNodes() {
        if (node1 != null) {
            DemoDataCleaner.remove(OwnerDatabase.jdbc(node1.getBean(FlywayConnectionDetails.class)));
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
    }

    static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
    }

    HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url(node, path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(
            ConfigurableApplicationContext node, String path, String cookie, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url(node, path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form's CSRF token and the session it belongs to. */
    record Form(String csrf, String cookie) {}

    /** The sign-in form's CSRF token: from the UI's sign-in page if there is one yet, else from the probe. */
    Form signInForm(ConfigurableApplicationContext node, String cookie) throws Exception {
        var page = get(node, "/sign-in", cookie);
        Optional<String> token = csrfIn(page);
        if (token.isEmpty()) {
            page = get(node, "/sign-in", cookie, "X-Herald-Probe", "csrf");
            token = csrfIn(page);
        }
        assertThat(token).as("a CSRF token in the sign-in form").isPresent();
        return new Form(token.get(), sessionCookie(page).orElse(cookie));
    }

    static Optional<String> csrfIn(HttpResponse<String> page) {
        if (page.statusCode() != 200) {
            return Optional.empty();
        }
        Matcher field = CSRF_FIELD.matcher(page.body());
        return field.find() ? Optional.of(field.group(1) != null ? field.group(1) : field.group(2)) : Optional.empty();
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .findFirst();
    }

    String signInOnNode1() throws Exception {
        Form form = signInForm(node1, null);
        var signedIn = postForm(
                node1,
                "/sign-in",
                form.cookie(),
                Map.of("email", person.email(), "password", TenantFixtures.PASSWORD, "_csrf", form.csrf()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return sessionCookie(signedIn).orElseThrow(() -> new AssertionError("no new session cookie after sign-in"));
    }

    @Test
    void aSessionStartedOnOneNodeIsServedByTheOther() throws Exception {
        String session = signInOnNode1();

        var onNode2 = get(node2, "/herald-probe/whoami", session);
        assertThat(onNode2.statusCode()).isEqualTo(200);
        assertThat(onNode2.body()).isEqualTo(person.email());

        var home = get(node2, "/", session);
        assertThat(home.headers().firstValue("Location").orElse(""))
                .as("node 2 does not send a signed-in person to sign in")
                .doesNotContain("/sign-in");
        assertThat(home.statusCode()).isNotEqualTo(401).isNotEqualTo(403);
    }

    @Test
    void withoutTheSessionNeitherNodeKnowsThePerson() throws Exception {
        for (var node : new ConfigurableApplicationContext[] {node1, node2}) {
            var response = get(node, "/herald-probe/whoami", null);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .get()
                    .asString()
                    .endsWith("/sign-in");
        }
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() throws Exception {
        String session = signInOnNode1();
        Form signOut = signInForm(node2, session);

        var signedOut = postForm(node2, "/sign-out", signOut.cookie(), Map.of("_csrf", signOut.csrf()));
        assertThat(signedOut.statusCode()).isEqualTo(302);

        var onNode1 = get(node1, "/herald-probe/whoami", session);
        assertThat(onNode1.statusCode()).isEqualTo(302);
        assertThat(onNode1.headers().firstValue("Location")).get().asString().endsWith("/sign-in");
    }

    @Test
    void bothNodesSeededTheDemoDataAndItExistsOnce() {
        for (var node : new ConfigurableApplicationContext[] {node1, node2}) {
            User demo =
                    node.getBean(Users.class).findByEmail("demo@herald.local").orElseThrow();
            assertThat(node.getBean(Workspaces.class).of(demo.id()))
                    .extracting(WorkspaceMembership::name)
                    .containsExactly("Hults Cafe", "Krusty Pizza");
        }
    }
}
