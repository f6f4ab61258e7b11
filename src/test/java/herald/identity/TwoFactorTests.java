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
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-factor sign-in against the real database and vault, with a clock the test moves: turning it on only with a right
 * code, the key sealed at rest, recovery codes hashed and spent once, no code accepted twice, wrong codes locking code
 * entry, turning it off only with the password or a code, and every change in the audit log without a code.
 */
@SpringBootTest
class TwoFactorTests {

    static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "TwoFactorTests");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Vault vault;

    @Autowired
    AuditLog audit;

    MutableClock clock;
    TwoFactor twoFactor;
    SignedInUser user;
    WorkspaceId workspace;

    @BeforeEach
    void aUserWithAWorkspace() {
        clock = new MutableClock(Instant.parse("2026-12-03T10:00:05Z"));
        twoFactor = new TwoFactor(
                new SecondFactors(jdbc, vault, transactions), jdbc, passwords, context, transactions, clock);
        SignUp.Result signedUp = TenantFixtures.of(context).signUp("Two factor", "free");
        user = new SignedInUser(
                signedUp.user().id(), signedUp.user().email(), signedUp.user().displayName());
        workspace = signedUp.workspace().orElseThrow().id();
    }

    String codeNow(String key) {
        return TotpCodes.codeAt(Base32.decode(key), clock.instant());
    }

    /** Turns two-factor on at the clock's current step and moves on to the next step. */
    List<String> turnedOn(String key) {
        List<String> codes = twoFactor.enable(user, codeNow(key), ORIGIN);
        clock.advance(Duration.ofSeconds(30));
        return codes;
    }

    String wrongCode(String key) {
        String right = codeNow(key);
        return right.equals("000000") ? "000001" : "000000";
    }

    @Test
    void turnsOnOnlyWithARightCodeAndKeepsTheKeySealed() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        assertThat(twoFactor.enrolment(user).orElseThrow().key())
                .as("the same key until it is turned on")
                .isEqualTo(key);
        assertThat(twoFactor.enrolment(user).orElseThrow().uri())
                .startsWith("otpauth://totp/Herald%3A")
                .contains("secret=" + key, "issuer=Herald", "algorithm=SHA1", "digits=6", "period=30");

        assertThatThrownBy(() -> twoFactor.enable(user, wrongCode(key), ORIGIN)).isInstanceOf(CodeRefused.class);
        assertThat(twoFactor.isOn(user.id())).isFalse();

        byte[] stored = jdbc.sql("select secret from user_two_factor where id = :id")
                .param("id", user.id().value())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(key);
        assertThat(HexFormat.of().formatHex(stored))
                .doesNotContain(HexFormat.of().formatHex(Base32.decode(key)));
        assertThat(vault.open(SecretSlot.global(user.id().value(), "user.totp_secret"), stored)
                        .reveal())
                .as("the vault opens it in its own slot")
                .isEqualTo(key);

        List<String> codes = twoFactor.enable(user, codeNow(key), ORIGIN);

        assertThat(twoFactor.isOn(user.id())).isTrue();
        assertThat(twoFactor.enrolment(user)).as("nothing to set up once on").isEmpty();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        List<byte[]> hashes = jdbc.sql("select code_hash from user_recovery_codes where user_id = :id")
                .param("id", user.id().value())
                .query(byte[].class)
                .list();
        assertThat(hashes).hasSize(10);
        assertThat(hashes).noneMatch(hash -> codes.stream()
                .anyMatch(code -> new String(hash, StandardCharsets.ISO_8859_1).contains(code)));
        assertThat(twoFactor.status(user.id()).recoveryCodesLeft()).isEqualTo(10);
    }

    @Test
    void acceptsACodeOnceAndTheNextStepsCodeAfterIt() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        String enablingCode = codeNow(key);
        twoFactor.enable(user, enablingCode, ORIGIN);

        assertThat(twoFactor.verify(user, enablingCode, ORIGIN).outcome())
                .as("the code that turned it on cannot sign in")
                .isEqualTo(TwoFactor.Outcome.WRONG);

        clock.advance(Duration.ofSeconds(30));
        String code = codeNow(key);
        assertThat(twoFactor.verify(user, code, ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.CODE);
        assertThat(twoFactor.verify(user, code, ORIGIN).outcome())
                .as("replayed within its own window")
                .isEqualTo(TwoFactor.Outcome.WRONG);
        clock.advance(Duration.ofSeconds(20));
        assertThat(twoFactor.verify(user, code, ORIGIN).outcome())
                .as("replayed in the next step, still inside the ±1 window")
                .isEqualTo(TwoFactor.Outcome.WRONG);
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        List<String> codes = turnedOn(twoFactor.enrolment(user).orElseThrow().key());

        assertThat(twoFactor.verify(user, codes.get(3).toUpperCase(), ORIGIN).outcome())
                .isEqualTo(TwoFactor.Outcome.RECOVERY_CODE);
        assertThat(twoFactor.verify(user, codes.get(3), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.WRONG);
        assertThat(twoFactor.status(user.id()).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void tenWrongCodesLockCodeEntryForFifteenMinutesWhateverTheSession() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        turnedOn(key);

        for (int i = 1; i < TwoFactor.LOCK_AFTER; i++) {
            assertThat(twoFactor.verify(user, wrongCode(key), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.WRONG);
        }
        TwoFactor.SecondStep locking = twoFactor.verify(user, wrongCode(key), ORIGIN);
        assertThat(locking.outcome()).isEqualTo(TwoFactor.Outcome.LOCKED);
        assertThat(locking.lockedFor()).isEqualTo(TwoFactor.LOCK);

        assertThat(twoFactor.verify(user, codeNow(key), ORIGIN).outcome())
                .as("even the right code, while locked")
                .isEqualTo(TwoFactor.Outcome.LOCKED);

        clock.advance(TwoFactor.LOCK.plusSeconds(30));
        assertThat(twoFactor.verify(user, codeNow(key), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.CODE);
    }

    @Test
    void aRightCodeStartsTheCountOfWrongOnesAgain() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        turnedOn(key);
        for (int i = 1; i < TwoFactor.LOCK_AFTER; i++) {
            twoFactor.verify(user, wrongCode(key), ORIGIN);
        }
        assertThat(twoFactor.verify(user, codeNow(key), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.CODE);

        assertThat(twoFactor.verify(user, wrongCode(key), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.WRONG);
    }

    @Test
    void turningOffNeedsThePasswordOrACurrentCode() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        turnedOn(key);

        assertThatThrownBy(() -> twoFactor.disable(user, "not the password", ORIGIN))
                .isInstanceOf(CodeRefused.class);
        assertThat(twoFactor.isOn(user.id())).isTrue();

        twoFactor.disable(user, TenantFixtures.PASSWORD, ORIGIN);

        assertThat(twoFactor.isOn(user.id())).isFalse();
        assertThat(jdbc.sql("select count(*) from user_recovery_codes where user_id = :id")
                        .param("id", user.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCurrentCodeAlsoConfirmsTurningOff() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        turnedOn(key);

        twoFactor.disable(user, codeNow(key), ORIGIN);

        assertThat(twoFactor.isOn(user.id())).isFalse();
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnesAndNeedThePassword() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        List<String> old = turnedOn(key);

        assertThatThrownBy(() -> twoFactor.regenerateRecoveryCodes(user, "wrong", ORIGIN))
                .isInstanceOf(CodeRefused.class);
        List<String> fresh = twoFactor.regenerateRecoveryCodes(user, TenantFixtures.PASSWORD, ORIGIN);

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(twoFactor.verify(user, old.getFirst(), ORIGIN).outcome()).isEqualTo(TwoFactor.Outcome.WRONG);
        assertThat(twoFactor.verify(user, fresh.getFirst(), ORIGIN).outcome())
                .isEqualTo(TwoFactor.Outcome.RECOVERY_CODE);
    }

    @Test
    void recordsEveryChangeAndFailureWithoutTheCode() {
        String key = twoFactor.enrolment(user).orElseThrow().key();
        List<String> codes = turnedOn(key);
        String wrong = wrongCode(key);
        twoFactor.verify(user, wrong, ORIGIN);
        twoFactor.verify(user, codes.getFirst(), ORIGIN);
        List<String> fresh = twoFactor.regenerateRecoveryCodes(user, TenantFixtures.PASSWORD, ORIGIN);
        twoFactor.disable(user, TenantFixtures.PASSWORD, ORIGIN);

        List<AuditEvent> events = audit.find(workspace, AuditQuery.latest(20));
        assertThat(events)
                .extracting(AuditEvent::action)
                .contains(
                        "user.two_factor_enabled",
                        "user.second_step_failed",
                        "user.recovery_code_used",
                        "user.signed_in",
                        "user.recovery_codes_regenerated",
                        "user.two_factor_disabled");
        assertThat(events)
                .filteredOn(e -> e.action().equals("user.second_step_failed"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "wrong code"));
        String everything = events.toString();
        assertThat(everything).doesNotContain(wrong, key, codes.getFirst(), fresh.getFirst());
    }

    @Test
    void thePasswordAloneIsOnlyHalfASignInOnceTwoFactorIsOn() {
        var passwordStep = new PasswordAuthentication(jdbc, passwords, context, transactions, clock);
        var before = passwordStep.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.email(), TenantFixtures.PASSWORD));
        assertThat(before.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD")
                .doesNotContain(TwoFactor.REQUIRED);

        turnedOn(twoFactor.enrolment(user).orElseThrow().key());
        var after = passwordStep.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.email(), TenantFixtures.PASSWORD));

        assertThat(after.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", TwoFactor.REQUIRED)
                .doesNotContain(TwoFactor.TOTP_FACTOR);
    }
}
