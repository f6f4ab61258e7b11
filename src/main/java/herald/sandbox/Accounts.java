package herald.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Sandbox's accounts: a few seeded at start-up, more created on the consent page. */
@Component
class Accounts {

    static final List<String> SEEDED = List.of("krusty", "hults", "sideshow");

    private final JdbcClient jdbc;
    private final SandboxSettings settings;

    Accounts(JdbcClient jdbc, SandboxSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Idempotent: every node runs it at start, and an account that exists is left as it is. */
    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (settings.enabled()) {
            SEEDED.forEach(this::findOrCreate);
        }
    }

    /**
     * By position, not by {@code query(Account.class)}: that mapper asks the result set for a column named
     * {@code displayName} first, and the driver's "no such column" exception it swallows cost a stack trace per row.
     */
    private static final RowMapper<Account> ACCOUNT =
            (rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3));

    List<Account> all() {
        return jdbc.sql("select id, handle, display_name from sandbox_accounts order by handle")
                .query(ACCOUNT)
                .list();
    }

    Optional<Account> byHandle(String handle) {
        return jdbc.sql("select id, handle, display_name from sandbox_accounts where handle = :handle")
                .param("handle", handle)
                .query(ACCOUNT)
                .optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("select id, handle, display_name from sandbox_accounts where id = :id")
                .param("id", id)
                .query(ACCOUNT)
                .optional();
    }

    /** When the account was created: where its audience starts growing ({@link Followers}). */
    Optional<java.time.Instant> createdAt(UUID id) {
        return jdbc.sql("select created_at from sandbox_accounts where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    List<Account> byIds(Collection<UUID> ids) {
        return ids.stream().flatMap(id -> byId(id).stream()).toList();
    }

    /** The account with this handle, created (display name from the handle) when there is none. */
    Account findOrCreate(String handle) {
        if (!Account.isHandle(handle)) {
            throw new IllegalArgumentException("not a handle: " + handle);
        }
        jdbc.sql(
                        """
                        insert into sandbox_accounts (id, handle, display_name) values (:id, :handle, :name)
                        on conflict (handle) do nothing""")
                .param("id", UUID.randomUUID())
                .param("handle", handle)
                .param("name", displayName(handle))
                .update();
        return byHandle(handle).orElseThrow();
    }

    private static String displayName(String handle) {
        StringBuilder name = new StringBuilder();
        for (String part : handle.split("_")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return name.isEmpty() ? handle : name.toString();
    }
}
