package herald.web.ui;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import herald.database.TenantScope;
import herald.identity.SignedInUser;
import herald.identity.User;
import herald.identity.Users;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.SignUp;
import herald.tenancy.Workspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** People and workspaces for UI tests, made through the domain's own services; every name is unique. */
@TestComponent
class UiFixtures {

    static final String PASSWORD = "correct horse battery";

    final SignUp signUp;
    final Users users;
    final Memberships memberships;
    final TenantScope tenants;
    final JdbcClient jdbc;

    UiFixtures(SignUp signUp, Users users, Memberships memberships, TenantScope tenants, JdbcClient jdbc) {
        this.signUp = signUp;
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    record Team(Workspace workspace, User owner) {

        String path() {
            return "/w/" + workspace.slug();
        }
    }

    /** A new person who owns a new workspace on the free plan. */
    Team team() {
        String tag = tag();
        var result = signUp.signUp(
                new SignUp.Form(email("owner"), PASSWORD, "Owner " + tag, "Team " + tag, "Europe/Berlin"), "free");
        return new Team(result.workspace().orElseThrow(), result.user());
    }

    /** A new person with no workspace. */
    User person(String name) {
        return users.register(email(name), name, PASSWORD);
    }

    /** A new person who is a member of {@code team}'s workspace with {@code role}. */
    User member(Team team, Role role) {
        User user = person(role.value());
        memberships.join(team.workspace().id(), user.id(), role, Map.of());
        return user;
    }

    int usersWithEmail(String email) {
        return jdbc.sql("select count(*) from users where email = :email")
                .param("email", email.toLowerCase())
                .query(Integer.class)
                .single();
    }

    boolean slugTaken(String slug) {
        return Boolean.TRUE.equals(jdbc.sql("select herald_slug_taken(:slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single());
    }

    static RequestPostProcessor as(User user) {
        var principal = new SignedInUser(user.id(), user.email(), user.displayName());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    static String email(String name) {
        return name.toLowerCase().replace(' ', '-') + "-" + tag() + "@example.com";
    }

    /** The slug Herald gives a new workspace with this (ASCII) name, when no other workspace has it. */
    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
