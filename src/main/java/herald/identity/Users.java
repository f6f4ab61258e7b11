package herald.identity;

import herald.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people who can sign in. Users are global: one login, any number of workspaces. */
@Component
public class Users {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Normalises an address as Herald stores it, or refuses one that cannot be an email. */
    public static String normalizeEmail(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new InvalidEmail();
        }
        return normalized;
    }

    /** Checks an email and password for sign-up without creating anything. */
    public void checkRegistration(String email, String password) {
        String normalized = normalizeEmail(email);
        PasswordPolicy.check(password, normalized);
        if (findByEmail(normalized).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
    }

    @Transactional
    public User register(String email, String displayName, String password) {
        String normalized = normalizeEmail(email);
        PasswordPolicy.check(password, normalized);
        String name = displayName.isBlank() ? normalized.substring(0, normalized.indexOf('@')) : displayName.strip();
        UserId id = UserId.random();
        try {
            jdbc.sql("insert into users (id, email, display_name, password_hash) values (:id, :email, :name, :hash)")
                    .param("id", id.value())
                    .param("email", normalized)
                    .param("name", name)
                    .param("hash", passwords.encode(password))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyRegistered();
        }
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UserId id) {
        return jdbc.sql("select * from users where id = :id")
                .param("id", id.value())
                .query(Users::user)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select * from users where email = :email")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(Users::user)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<User> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from users where id = any(:ids) order by email")
                .param("ids", ids.stream().map(UserId::value).toArray(UUID[]::new))
                .query(Users::user)
                .list();
    }

    @Transactional
    public void changePassword(UserId id, String newPassword) {
        User user = find(id).orElseThrow();
        PasswordPolicy.check(newPassword, user.email());
        jdbc.sql("update users set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(newPassword))
                .param("id", id.value())
                .update();
    }

    static User user(ResultSet rs, int row) throws SQLException {
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
