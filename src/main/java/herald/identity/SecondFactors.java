package herald.identity;

import static herald.database.SqlTimes.instant;

import herald.shared.UserId;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored second factors: each person's TOTP key (sealed by the vault in a global slot), the last step accepted,
 * the count of wrong codes with its lock, and the hashes of the recovery codes. Every change that two requests could
 * race on is one conditional statement, so a code is accepted once and every wrong code counts.
 */
@Component
class SecondFactors {

    private static final int KEY_BYTES = 20; // 160 bits, RFC 4226's recommendation for HMAC-SHA1
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Vault vault;
    private final TransactionTemplate transactions;

    SecondFactors(JdbcClient jdbc, Vault vault, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.transactions = transactions;
    }

    /** A person's factor; {@code enabledAt} is null while it is being set up. */
    record Factor(
            UserId user,
            byte[] sealedKey,
            @Nullable Instant enabledAt,
            long lastUsedStep,
            @Nullable Instant lockedUntil) {

        boolean on() {
            return enabledAt != null;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Optional<Factor> find(UserId user) {
        return jdbc.sql("select * from user_two_factor where id = :id")
                .param("id", user.value())
                .query((rs, n) -> new Factor(
                        new UserId(rs.getObject("id", UUID.class)),
                        rs.getBytes("secret"),
                        instant(rs.getTimestamp("enabled_at")),
                        rs.getObject("last_used_step") == null ? -1 : rs.getLong("last_used_step"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    Optional<Factor> findOn(UserId user) {
        return find(user).filter(Factor::on);
    }

    Set<UserId> on(Collection<UserId> users) {
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

    int unusedRecoveryCodes(UserId user) {
        return jdbc.sql("select count(*) from user_recovery_codes where user_id = :id and used_at is null")
                .param("id", user.value())
                .query(Integer.class)
                .single();
    }

    /** Makes a new key for {@code user}, stores it sealed and not yet on, and returns it as base32. */
    String start(UserId user) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        String text = Base32.encode(key);
        jdbc.sql("insert into user_two_factor (id, secret) values (:id, :secret)")
                .param("id", user.value())
                .param("secret", vault.seal(slot(user), Secret.of(text)))
                .update();
        return text;
    }

    /** The base32 key of a factor, opened by the vault. */
    String key(Factor factor) {
        return vault.open(slot(factor.user()), factor.sealedKey()).reveal();
    }

    /** The step of {@code code} if it is a right code of a step after the last accepted one. */
    OptionalLong stepOf(Factor factor, String code, Instant now) {
        return TotpCodes.match(Base32.decode(key(factor)), code, now, factor.lastUsedStep());
    }

    void turnOn(UserId user, Instant now, long step) {
        jdbc.sql("update user_two_factor set enabled_at = :now, last_used_step = :step where id = :id")
                .param("now", Timestamp.from(now))
                .param("step", step)
                .param("id", user.value())
                .update();
    }

    /** Accepts a right code of a later step than the last accepted one; of two requests with one code, one wins. */
    boolean acceptCode(Factor factor, String code, Instant now) {
        OptionalLong step = stepOf(factor, code, now);
        return step.isPresent()
                && transactions.execute(status -> jdbc.sql(
                                        """
                                        update user_two_factor set last_used_step = :step, failed_codes = 0, locked_until = null
                                        where id = :id and coalesce(last_used_step, -1) < :step""")
                                .param("step", step.getAsLong())
                                .param("id", factor.user().value())
                                .update())
                        == 1;
    }

    boolean spendRecoveryCode(UserId user, String code, Instant now) {
        return transactions.execute(status -> jdbc.sql(
                                """
                                update user_recovery_codes set used_at = :now
                                where user_id = :id and code_hash = :hash and used_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("id", user.value())
                        .param("hash", RecoveryCodes.hash(user, code))
                        .update())
                == 1;
    }

    /** Counts a wrong code and returns whether it locked code entry; one statement, so concurrent attempts all count. */
    boolean countWrongCode(UserId user, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        """
                        update user_two_factor set
                            failed_codes = case when failed_codes + 1 >= :lockAfter then 0 else failed_codes + 1 end,
                            locked_until = case when failed_codes + 1 >= :lockAfter then cast(:lockedUntil as timestamptz)
                                else locked_until end
                        where id = :id
                        returning failed_codes = 0""")
                .param("lockAfter", TwoFactor.LOCK_AFTER)
                .param("lockedUntil", Timestamp.from(now.plus(TwoFactor.LOCK)))
                .param("id", user.value())
                .query(Boolean.class)
                .optional()
                .orElse(false)));
    }

    void clearWrongCodes(UserId user) {
        transactions.executeWithoutResult(
                status -> jdbc.sql("update user_two_factor set failed_codes = 0, locked_until = null where id = :id")
                        .param("id", user.value())
                        .update());
    }

    /** Replaces the recovery codes with ten new ones, stored as hashes, and returns them to be shown once. */
    List<String> replaceRecoveryCodes(UserId user) {
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

    void remove(UserId user) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from user_recovery_codes where user_id = :id")
                    .param("id", user.value())
                    .update();
            jdbc.sql("delete from user_two_factor where id = :id")
                    .param("id", user.value())
                    .update();
        });
    }

    private static SecretSlot slot(UserId user) {
        return SecretSlot.global(user.value(), TwoFactor.SECRET.purpose());
    }
}
