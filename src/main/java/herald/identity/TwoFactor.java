package herald.identity;

import herald.shared.UserId;
import herald.vault.EncryptedColumn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
    private final SecondFactors factors;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TwoFactor(
            SecondFactors factors,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.factors = factors;
        this.jdbc = jdbc;
        this.passwords = passwords;
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

    public boolean isOn(UserId user) {
        return factors.findOn(user).isPresent();
    }

    public Status status(UserId user) {
        return factors.findOn(user)
                .map(factor -> new Status(true, factor.enabledAt(), factors.unusedRecoveryCodes(user)))
                .orElse(new Status(false, null, 0));
    }

    /** Which of {@code users} have two-factor on. */
    public Set<UserId> on(Collection<UserId> users) {
        return factors.on(users);
    }

    /**
     * The key being set up, made on first call and the same on later ones until it is turned on, so a wrong code
     * can simply be typed again; empty when two-factor is already on.
     */
    public Optional<Enrolment> enrolment(SignedInUser user) {
        return transactions.execute(status -> {
            Optional<SecondFactors.Factor> existing = factors.find(user.id());
            if (existing.isPresent() && existing.get().on()) {
                return Optional.empty();
            }
            String key = existing.isPresent() ? factors.key(existing.get()) : factors.start(user.id());
            return Optional.of(enrolment(user, key));
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
            SecondFactors.Factor factor = factors.find(user.id())
                    .filter(f -> !f.on())
                    .orElseThrow(() -> new CodeRefused("Two-factor sign-in is not being set up. Start again."));
            Instant now = clock.instant();
            OptionalLong step = factors.stepOf(factor, code, now);
            if (step.isEmpty()) {
                throw new CodeRefused("That code is not right. Type the 6 digits your app shows now.");
            }
            factors.turnOn(user.id(), now, step.getAsLong());
            return factors.replaceRecoveryCodes(user.id());
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
        factors.remove(user.id());
        events.publishEvent(new TwoFactorDisabled(user.id(), user.email(), origin));
    }

    /**
     * Replaces the recovery codes, confirmed by the password or a current code; the old codes stop working.
     *
     * @throws CodeRefused when neither is right; counts as a wrong code
     */
    public List<String> regenerateRecoveryCodes(SignedInUser user, String passwordOrCode, RequestOrigin origin) {
        confirm(user, passwordOrCode, origin);
        List<String> codes = transactions.execute(status -> factors.replaceRecoveryCodes(user.id()));
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
        SecondFactors.Factor factor = factors.findOn(user.id()).orElse(null);
        if (factor == null) {
            return new SecondStep(Outcome.WRONG, Duration.ZERO);
        }
        if (factor.lockedAt(now)) {
            events.publishEvent(new SecondStepFailed(user.id(), user.email(), "locked", origin));
            return new SecondStep(Outcome.LOCKED, Duration.between(now, factor.lockedUntil()));
        }
        Outcome outcome = RecoveryCodes.looksLikeOne(code)
                ? (factors.spendRecoveryCode(user.id(), code, now) ? Outcome.RECOVERY_CODE : Outcome.WRONG)
                : (factors.acceptCode(factor, code, now) ? Outcome.CODE : Outcome.WRONG);
        if (outcome == Outcome.WRONG) {
            boolean locked = factors.countWrongCode(user.id(), now);
            events.publishEvent(
                    new SecondStepFailed(user.id(), user.email(), locked ? "locked" : "wrong code", origin));
            return new SecondStep(locked ? Outcome.LOCKED : Outcome.WRONG, locked ? LOCK : Duration.ZERO);
        }
        if (outcome == Outcome.RECOVERY_CODE) {
            factors.clearWrongCodes(user.id());
            events.publishEvent(new RecoveryCodeUsed(user.id(), user.email(), origin));
        }
        events.publishEvent(new UserSignedIn(user.id(), user.email(), origin));
        return new SecondStep(outcome, Duration.ZERO);
    }

    private void confirm(SignedInUser user, String passwordOrCode, RequestOrigin origin) {
        Instant now = clock.instant();
        SecondFactors.Factor factor =
                factors.findOn(user.id()).orElseThrow(() -> new CodeRefused("Two-factor sign-in is not on."));
        if (factor.lockedAt(now)) {
            throw new CodeRefused(lockedMessage(Duration.between(now, factor.lockedUntil())));
        }
        String hash = jdbc.sql("select password_hash from users where id = :id")
                .param("id", user.id().value())
                .query(String.class)
                .single();
        if (!passwords.matches(passwordOrCode, hash) && !factors.acceptCode(factor, passwordOrCode, now)) {
            boolean locked = factors.countWrongCode(user.id(), now);
            events.publishEvent(
                    new SecondStepFailed(user.id(), user.email(), locked ? "locked" : "wrong confirmation", origin));
            throw new CodeRefused("That is neither your password nor a current code.");
        }
    }

    /** What a person is told while code entry is locked. */
    public static String lockedMessage(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many wrong codes. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".";
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
