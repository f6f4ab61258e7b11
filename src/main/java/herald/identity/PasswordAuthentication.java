package herald.identity;

import static herald.database.SqlTimes.instant;

import herald.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email and password sign-in with a growing delay after repeated failures: from the third failure on, the next
 * attempt must wait 1, 2, 4, ... seconds, and the tenth locks the account for 15 minutes. A refused attempt does not
 * even check the password, so guessing during a delay gains nothing. The result carries Spring Security's password
 * factor; for someone with two-factor on it also carries {@link TwoFactor#REQUIRED}, and only the second step signs
 * them in.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    static final int FREE_FAILURES = 2;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    // Compared against when the email is unknown, so timing does not reveal which emails have accounts.
    private final String decoyHash;

    PasswordAuthentication(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    private record Account(
            UserId id,
            String email,
            String displayName,
            String passwordHash,
            int failures,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant lockedUntil,
            boolean twoFactor) {}

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        RequestOrigin origin =
                authentication.getDetails() instanceof RequestOrigin o ? o : new RequestOrigin(null, null);
        Account account = transactions.execute(status -> load(email));
        if (account == null) {
            passwords.matches(password, decoyHash);
            throw new BadCredentialsException("The email or password is not right.");
        }
        Instant now = clock.instant();
        Instant waitUntil = later(account.nextAttemptAt(), account.lockedUntil());
        if (waitUntil != null && waitUntil.isAfter(now)) {
            events.publishEvent(new SignInFailed(account.id(), email, "throttled", origin));
            throw new LockedException(waitMessage(Duration.between(now, waitUntil)));
        }
        if (!passwords.matches(password, account.passwordHash())) {
            boolean locked = recordFailure(account, now);
            events.publishEvent(new SignInFailed(account.id(), email, locked ? "locked" : "wrong password", origin));
            throw new BadCredentialsException("The email or password is not right.");
        }
        transactions.executeWithoutResult(status -> jdbc.sql(
                        "update users set failed_sign_ins = 0, next_attempt_at = null, locked_until = null where id = :id")
                .param("id", account.id().value())
                .update());
        var principal = new SignedInUser(account.id(), account.email(), account.displayName());
        var authorities = new ArrayList<GrantedAuthority>(List.of(
                new SimpleGrantedAuthority("ROLE_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(now)
                        .build()));
        if (account.twoFactor()) {
            // Half signed in: the password was right, but nothing opens until the second step adds its factor, and
            // only that step counts as the sign-in.
            authorities.add(new SimpleGrantedAuthority(TwoFactor.REQUIRED));
        } else {
            events.publishEvent(new UserSignedIn(account.id(), email, origin));
        }
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(origin);
        return result;
    }

    private @Nullable Account load(String email) {
        return jdbc.sql(
                        """
                        select u.*, exists (select 1 from user_two_factor t where t.id = u.id and t.enabled_at is not null)
                            as two_factor
                        from users u where u.email = :email""")
                .param("email", email)
                .query((rs, row) -> new Account(
                        new UserId(rs.getObject("id", UUID.class)),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getInt("failed_sign_ins"),
                        instant(rs.getTimestamp("next_attempt_at")),
                        instant(rs.getTimestamp("locked_until")),
                        rs.getBoolean("two_factor")))
                .optional()
                .orElse(null);
    }

    /**
     * Counts a failure and returns whether it locked the account. One statement computes the new state from the row as
     * it is then, not as it was loaded: attempts made at the same moment each count, and none undoes a lock.
     */
    private boolean recordFailure(Account account, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        """
                        update users set
                            failed_sign_ins = case when failed_sign_ins + 1 >= :lockAfter then 0 else failed_sign_ins + 1 end,
                            next_attempt_at = case when failed_sign_ins + 1 > :free then cast(:now as timestamptz)
                                + make_interval(secs => power(2, least(failed_sign_ins - :free, 10))) end,
                            locked_until = case when failed_sign_ins + 1 >= :lockAfter then cast(:lockedUntil as timestamptz)
                                else locked_until end
                        where id = :id
                        returning failed_sign_ins = 0""")
                .param("lockAfter", LOCK_AFTER)
                .param("free", FREE_FAILURES)
                .param("now", Timestamp.from(now))
                .param("lockedUntil", Timestamp.from(now.plus(LOCK)))
                .param("id", account.id().value())
                .query(Boolean.class)
                .single()));
    }

    static String waitMessage(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        if (seconds >= 60) {
            long minutes = (seconds + 59) / 60;
            return "Too many failed sign-ins. This account is locked for " + minutes + " more minute"
                    + (minutes == 1 ? "" : "s") + ".";
        }
        return "Too many failed sign-ins. Wait " + seconds + " second" + (seconds == 1 ? "" : "s") + " and try again.";
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
