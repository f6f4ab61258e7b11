package herald.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.MutableClock;
import herald.TenantFixtures;
import herald.audit.AuditEvent;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins slow the next attempt down, 1, 2, 4, ... seconds from the third failure on, and the tenth locks the
 * account for 15 minutes. Every failure, and the lock, is in the audit log of the person's workspaces.
 */
@SpringBootTest
class SignInThrottlingTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditLog audit;

    MutableClock clock;
    PasswordAuthentication authentication;
    String email;
    WorkspaceId workspace;

    @BeforeEach
    void aUserWithAWorkspace() {
        clock = MutableClock.startingNow();
        authentication = new PasswordAuthentication(jdbc, passwords, context, transactions, clock);
        SignUp.Result signedUp = TenantFixtures.of(context).signUp("Throttled", "free");
        email = signedUp.user().email();
        workspace = signedUp.workspace().orElseThrow().id();
    }

    Authentication signIn(String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    void failOnce() {
        assertThatThrownBy(() -> signIn("not the password"))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("The email or password is not right.");
    }

    void refused(String message) {
        assertThatThrownBy(() -> signIn(TenantFixtures.PASSWORD))
                .as("even the right password is not checked while waiting")
                .isInstanceOf(LockedException.class)
                .hasMessage(message);
    }

    List<AuditEvent> failuresInTheAuditLog() {
        return audit.find(workspace, new AuditQuery("user.sign_in_failed", null, null, null, null, 200));
    }

    @Test
    void twoFailuresCostNothing() {
        failOnce();
        failOnce();
        assertThat(signIn(TenantFixtures.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void theDelayGrowsFromTheThirdFailureAndTheTenthLocksTheAccount() {
        failOnce();
        failOnce();
        long delay = 1;
        for (int failure = 3; failure <= 9; failure++) {
            failOnce();
            String wait = delay >= 60
                    ? "Too many failed sign-ins. This account is locked for " + ((delay + 59) / 60) + " more minutes."
                    : "Too many failed sign-ins. Wait " + delay + " second" + (delay == 1 ? "" : "s")
                            + " and try again.";
            refused(wait);
            clock.advance(Duration.ofSeconds(delay));
            delay *= 2;
        }
        failOnce();
        refused("Too many failed sign-ins. This account is locked for 15 more minutes.");
        clock.advance(Duration.ofMinutes(14));
        refused("Too many failed sign-ins. This account is locked for 1 more minute.");
        clock.advance(Duration.ofMinutes(1));

        assertThat(signIn(TenantFixtures.PASSWORD).isAuthenticated()).isTrue();
        failOnce();
        failOnce();
        assertThat(signIn(TenantFixtures.PASSWORD).isAuthenticated())
                .as("a successful sign-in starts the count afresh")
                .isTrue();
    }

    @Test
    void everyFailureAndTheLockAreInTheAuditLog() {
        for (int failure = 1; failure <= 10; failure++) {
            failOnce();
            clock.advance(Duration.ofMinutes(10));
        }
        refused("Too many failed sign-ins. This account is locked for 5 more minutes.");

        List<AuditEvent> failures = failuresInTheAuditLog();
        assertThat(failures).hasSize(11);
        assertThat(failures)
                .extracting(e -> e.details().get("reason"))
                .containsExactly(
                        "throttled",
                        "locked",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password",
                        "wrong password");
        assertThat(failures).allSatisfy(e -> {
            assertThat(e.actor().label()).isEqualTo(email);
            assertThat(e.targetType()).isEqualTo("user");
        });
        assertThat(audit.verify(workspace).valid()).isTrue();
    }

    @Test
    void failuresAtTheSameMomentAreAllCounted() throws Exception {
        int attempts = 10;
        var start = new CountDownLatch(1);
        List<Future<?>> guesses = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                guesses.add(executor.submit(() -> {
                    start.await();
                    try {
                        signIn("parallel guess");
                    } catch (BadCredentialsException | LockedException expected) {
                        // counted below
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> guess : guesses) {
                guess.get();
            }
        }

        refused("Too many failed sign-ins. This account is locked for 15 more minutes.");
    }

    @Test
    void anUnknownEmailFailsLikeAWrongPassword() {
        email = "nobody-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 12; i++) {
            failOnce();
        }
    }
}
