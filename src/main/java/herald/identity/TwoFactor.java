package herald.identity;

import static herald.database.SqlTimes.instant;

import herald.shared.UserId;
import herald.vault.EncryptedColumn;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-factor sign-in with an authenticator app: setting it up (a key shown once as a QR code and as text, turned on
 * only by a code made from it), turning it off and replacing the recovery codes (each confirmed by the password or a
 * current code), and the second step of a sign-in. The key is sealed by the vault; recovery codes are kept only as
 * hashes. Wrong codes count against the person across every session: the tenth in a row locks code entry for 15
 * minutes. See docs/two-factor.md.
 */
@Component
public class TwoFactor {

    /** The factor a completed second step adds to a sign-in, next to Spring Security's password factor. */
    public static final String TOTP_FACTOR = "FACTOR_TOTP";

    /** Marks the sign-in of someone with two-factor on: it reaches nothing until it also carries {@link #TOTP_FACTOR}. */
    public static final String REQUIRED = "TWO_FACTOR_REQUIRED";

    static final EncryptedColumn SECRET = EncryptedColumn.global("user_two_factor", "secret", "user.totp_secret");
    static final int LOCK_AFTER = 10;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final String ISSUER = "Herald";
    private static final int KEY_BYTES = 20; // 160 bits, RFC 4226's recommendation for HMAC-SHA1
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Vault vault;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TwoFactor(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Vault vault,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.vault = vault;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The key being set up, as the person types it ({@link #key}) or scans it ({@link #uri}). */
    public record Enrolment(String key, String uri) {

        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    /** Whether two-factor is on, since when, and how many unused recovery codes are left. */
    public record Status(boolean on, @Nullable Instant since, int recoveryCodesLeft) {}

    /** How a second step ended. */
    public enum Outcome {
        CODE,
        RECOVERY_CODE,
        WRONG,
        LOCKED
    }

    /** The outcome of a second step and, when locked, how long until codes are accepted again. */
    public record SecondStep(Outcome outcome, Duration lockedFor) {

        public boolean accepted() {
            return outcome == Outcome.CODE || outcome == Outcome.RECOVERY_CODE;
        }
    }

    private record Row(
            UUID id, byte[] secret, @Nullable Instant enabledAt, long lastUsedStep, @Nullable Instant lockedUntil) {}

    public boolean isOn(UserId user) {
        return row(user).filter(row -> row.enabledAt() != null).isPresent();
    }

    public Status status(UserId user) {
        Optional<Row> row = row(user).filter(r -> r.enabledAt() != null);
        if (row.isEmpty()) {
            return new Status(false, null, 0);
        }
        int left = jdbc.sql("select count(*) from user_recovery_codes where user_id = :id and used_at is null")
                .param("id", user.value())
                .query(Integer.class)
                .single();
        return new Status(true, row.get().enabledAt(), left);
    }

    /** Which of {@code users} have two-factor on. */
    public Set<UserId> on(Collection<UserId> users) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql("select id from user_two_factor where enabled_at is not null and id = any(:ids)")
                .param("ids", users.stream().map(UserId::value).toArray(UUID[]::new))
                .query(UUID.class)
                .list()
                .stream()
                .map(UserId::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The key being set up, made on first call and the same on later ones until it is turned on, so a wrong code
     * can simply be typed again; empty when two-factor is already on.
     */
    public Optional<Enrolment> enrolment(SignedInUser user) {
        return transactions.execute(status -> {
            Optional<Row> existing = row(user.id());
            if (existing.isPresent() && existing.get().enabledAt() != null) {
                return Optional.empty();
            }
            if (existing.isPresent()) {
                return Optional.of(enrolment(user, open(existing.get())));
            }
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            String text = Base32.encode(key);
            jdbc.sql("insert into user_two_factor (id, secret) values (:id, :secret)")
                    .param("id", user.id().value())
                    .param("secret", vault.seal(slot(user.id()), Secret.of(text)))
                    .update();
            return Optional.of(enrolment(user, text));
        });
    }

    /**
     * Turns two-factor on if {@code code} was made from the key being set up, and returns the ten recovery codes,
     * which are shown this once.
     *
     * @throws CodeRefused when the code is not right (or nothing is being set up)
     */
    public List<String> enable(SignedInUser user, String code, RequestOrigin origin) {
        List<String> codes = transactions.execute(status -> {
            Row row = row(user.id())
                    .filter(r -> r.enabledAt() == null)
                    .orElseThrow(() -> new CodeRefused("Two-factor sign-in is not being set up. Start again."));
            OptionalLong step = TotpCodes.match(Base32.decode(open(row)), code, clock.instant(), row.lastUsedStep());
            if (step.isEmpty()) {
                throw new CodeRefused("That code is not right. Type the 6 digits your app shows now.");
            }
            jdbc.sql("update user_two_factor set enabled_at = :now, last_used_step = :step where id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("step", step.getAsLong())
                    .param("id", user.id().value())
                    .update();
            return replaceRecoveryCodes(user.id());
        });
        events.publishEvent(new TwoFactorEnabled(user.id(), user.email(), origin));
        return codes;
    }

    /**
     * Turns two-factor off, confirmed by the password or a current code.
     *
     * @throws CodeRefused when neither is right; counts as a wrong code
     */
    public void disable(SignedInUser user, String passwordOrCode, RequestOrigin origin) {
        confirm(user, passwordOrCode, origin);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from user_recovery_codes where user_id = :id")
                    .param("id", user.id().value())
                    .update();
            jdbc.sql("delete from user_two_factor where id = :id")
                    .param("id", user.id().value())
                    .update();
        });
        events.publishEvent(new TwoFactorDisabled(user.id(), user.email(), origin));
    }

    /**
     * Replaces the recovery codes, confirmed by the password or a current code; the old codes stop working.
     *
     * @throws CodeRefused when neither is right; counts as a wrong code
     */
    public List<String> regenerateRecoveryCodes(SignedInUser user, String passwordOrCode, RequestOrigin origin) {
        confirm(user, passwordOrCode, origin);
        List<String> codes = transactions.execute(status -> replaceRecoveryCodes(user.id()));
        events.publishEvent(new RecoveryCodesRegenerated(user.id(), user.email(), origin));
        return codes;
    }

    /**
     * The second step of a sign-in: a code from the app (of a step later than the last one accepted) or an unused
     * recovery code, which is spent. A success is the sign-in ({@link UserSignedIn}); a failure is recorded without
     * the code.
     */
    public SecondStep verify(SignedInUser user, String code, RequestOrigin origin) {
        Instant now = clock.instant();
        Row row = row(user.id()).filter(r -> r.enabledAt() != null).orElse(null);
        if (row == null) {
            return new SecondStep(Outcome.WRONG, Duration.ZERO);
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            events.publishEvent(new SecondStepFailed(user.id(), user.email(), "locked", origin));
            return new SecondStep(Outcome.LOCKED, Duration.between(now, row.lockedUntil()));
        }
        Outcome outcome = RecoveryCodes.looksLikeOne(code)
                ? (spendRecoveryCode(user.id(), code) ? Outcome.RECOVERY_CODE : Outcome.WRONG)
                : (acceptCode(row, code, now) ? Outcome.CODE : Outcome.WRONG);
        if (outcome == Outcome.WRONG) {
            boolean locked = recordFailure(user.id(), now);
            events.publishEvent(
                    new SecondStepFailed(user.id(), user.email(), locked ? "locked" : "wrong code", origin));
            return new SecondStep(locked ? Outcome.LOCKED : Outcome.WRONG, locked ? LOCK : Duration.ZERO);
        }
        if (outcome == Outcome.RECOVERY_CODE) {
            clearFailures(user.id());
            events.publishEvent(new RecoveryCodeUsed(user.id(), user.email(), origin));
        }
        events.publishEvent(new UserSignedIn(user.id(), user.email(), origin));
        return new SecondStep(outcome, Duration.ZERO);
    }

    private void confirm(SignedInUser user, String passwordOrCode, RequestOrigin origin) {
        Instant now = clock.instant();
        Row row = row(user.id())
                .filter(r -> r.enabledAt() != null)
                .orElseThrow(() -> new CodeRefused("Two-factor sign-in is not on."));
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            throw new CodeRefused(lockedMessage(Duration.between(now, row.lockedUntil())));
        }
        String hash = jdbc.sql("select password_hash from users where id = :id")
                .param("id", user.id().value())
                .query(String.class)
                .single();
        if (!passwords.matches(passwordOrCode, hash) && !acceptCode(row, passwordOrCode, now)) {
            boolean locked = recordFailure(user.id(), now);
            events.publishEvent(
                    new SecondStepFailed(user.id(), user.email(), locked ? "locked" : "wrong confirmation", origin));
            throw new CodeRefused("That is neither your password nor a current code.");
        }
    }

    /** Accepts a code of a step later than the last accepted one; two requests with one code: only one wins. */
    private boolean acceptCode(Row row, String code, Instant now) {
        OptionalLong step = TotpCodes.match(Base32.decode(open(row)), code, now, row.lastUsedStep());
        return step.isPresent()
                && transactions.execute(status -> jdbc.sql(
                                        """
                                        update user_two_factor set last_used_step = :step, failed_codes = 0, locked_until = null
                                        where id = :id and coalesce(last_used_step, -1) < :step""")
                                .param("step", step.getAsLong())
                                .param("id", row.id())
                                .update())
                        == 1;
    }

    private boolean spendRecoveryCode(UserId user, String code) {
        return transactions.execute(status -> jdbc.sql(
                                """
                                update user_recovery_codes set used_at = :now
                                where user_id = :id and code_hash = :hash and used_at is null""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", user.value())
                        .param("hash", RecoveryCodes.hash(user, code))
                        .update())
                == 1;
    }

    /** Counts a wrong code and returns whether it locked code entry; one statement, so concurrent attempts all count. */
    private boolean recordFailure(UserId user, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        """
                        update user_two_factor set
                            failed_codes = case when failed_codes + 1 >= :lockAfter then 0 else failed_codes + 1 end,
                            locked_until = case when failed_codes + 1 >= :lockAfter then cast(:lockedUntil as timestamptz)
                                else locked_until end
                        where id = :id
                        returning failed_codes = 0""")
                .param("lockAfter", LOCK_AFTER)
                .param("lockedUntil", Timestamp.from(now.plus(LOCK)))
                .param("id", user.value())
                .query(Boolean.class)
                .optional()
                .orElse(false)));
    }

    private void clearFailures(UserId user) {
        transactions.executeWithoutResult(
                status -> jdbc.sql("update user_two_factor set failed_codes = 0, locked_until = null where id = :id")
                        .param("id", user.value())
                        .update());
    }

    private List<String> replaceRecoveryCodes(UserId user) {
        jdbc.sql("delete from user_recovery_codes where user_id = :id")
                .param("id", user.value())
                .update();
        List<String> codes = RecoveryCodes.mint();
        for (String code : codes) {
            jdbc.sql("insert into user_recovery_codes (user_id, code_hash) values (:id, :hash)")
                    .param("id", user.value())
                    .param("hash", RecoveryCodes.hash(user, code))
                    .update();
        }
        return codes;
    }

    private Optional<Row> row(UserId user) {
        return jdbc.sql("select * from user_two_factor where id = :id")
                .param("id", user.value())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getBytes("secret"),
                        instant(rs.getTimestamp("enabled_at")),
                        rs.getObject("last_used_step") == null ? -1 : rs.getLong("last_used_step"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    private String open(Row row) {
        return vault.open(slot(new UserId(row.id())), row.secret()).reveal();
    }

    /** What a person is told while code entry is locked. */
    public static String lockedMessage(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many wrong codes. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".";
    }

    private static SecretSlot slot(UserId user) {
        return SecretSlot.global(user.value(), SECRET.purpose());
    }

    private static Enrolment enrolment(SignedInUser user, String key) {
        String label = URLEncoder.encode(ISSUER + ":" + user.email(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return new Enrolment(
                key,
                "otpauth://totp/" + label + "?secret=" + key + "&issuer=" + ISSUER + "&algorithm=SHA1&digits="
                        + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.toSeconds());
    }
}
