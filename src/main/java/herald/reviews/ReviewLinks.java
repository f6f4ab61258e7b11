package herald.reviews;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's review links: made by editors (the token is random, returned once and stored only as its SHA-256),
 * listed, revoked; and opened by whoever holds a token, through a narrow lookup by hash
 * ({@code herald_review_link_by_token}, V131) that names the workspace before its scope is entered.
 */
@Component
public class ReviewLinks {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 90;
    public static final int MAX_LABEL = 100;
    /** A review covers at most a year of posts. */
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    /** last_used_at is written at most this often per link, not at every page view. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final ReviewLinkRules rules;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReviewLinks(JdbcClient jdbc, TenantScope tenants, ReviewLinkRules rules, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes a link, as {@link ReviewLinkRules} allow.
     *
     * @throws InvalidInput naming the field ({@code label}, {@code from}, {@code to}, {@code accounts}, {@code tag},
     *     {@code expiresInDays}) that is wrong
     */
    public IssuedReviewLink create(WorkspaceId workspace, ReviewLinkDraft draft, @Nullable UserId by) {
        ReviewLinkRules.Checked link = rules.check(workspace, draft);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var id = ReviewLinkId.random();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(Duration.ofDays(link.days()));
        return tenants.call(workspace, () -> {
            jdbc.sql(
                            """
                            insert into review_links (workspace_id, id, label, token_hash, shows_from, shows_to,
                                account_ids, tag, may_approve, created_by, created_at, expires_at)
                            values (:workspace, :id, :label, :hash, :from, :to, :accounts, :tag, :mayApprove, :by,
                                :now, :expiresAt)""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("label", link.label())
                    .param("hash", hash(token))
                    .param("from", Timestamp.from(link.from()))
                    .param("to", Timestamp.from(link.to()))
                    .param(
                            "accounts",
                            link.accounts().stream().map(ConnectionId::value).toArray(UUID[]::new))
                    .param("tag", link.tag())
                    .param("mayApprove", link.mayApprove())
                    .param("by", by == null ? null : by.value())
                    .param("now", Timestamp.from(now))
                    .param("expiresAt", Timestamp.from(expiresAt))
                    .update();
            var details = new TreeMap<String, String>();
            details.put("label", link.label());
            details.put("from", link.from().toString());
            details.put("to", link.to().toString());
            details.put(
                    "accounts",
                    link.accounts().isEmpty()
                            ? "all"
                            : Integer.toString(link.accounts().size()));
            details.put("mayApprove", Boolean.toString(link.mayApprove()));
            details.put("expiresAt", expiresAt.toString());
            String tag = link.tag();
            if (tag != null) {
                details.put("tag", tag);
            }
            audit.record(workspace, "review_link.created", "review_link", id.toString(), details);
            return new IssuedReviewLink(require(workspace, id), token);
        });
    }

    /** Where a page of {@link #page} continues: after this link, newest first. */
    public record After(Instant createdAt, UUID id) {}

    /** Up to {@code limit} links, active, expired and revoked, newest first, continuing after {@code after}. */
    public List<ReviewLink> page(WorkspaceId workspace, @Nullable After after, int limit) {
        Keyset.After from = after == null ? null : new Keyset.After(after.createdAt(), after.id());
        return tenants.read(workspace, () -> NEWEST_FIRST
                .page(jdbc, "select * from review_links where workspace_id = :workspace", from, limit)
                .param("workspace", workspace.value())
                .query(ReviewLinks::link)
                .list());
    }

    public Optional<ReviewLink> find(WorkspaceId workspace, ReviewLinkId id) {
        return tenants.read(
                workspace, () -> jdbc.sql("select * from review_links where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .query(ReviewLinks::link)
                        .optional());
    }

    /** @throws NotFound when the workspace has no such link */
    public ReviewLink require(WorkspaceId workspace, ReviewLinkId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("This workspace has no review link " + id + "."));
    }

    /**
     * Withdraws a link: it stops working at once. Revoking a revoked link changes nothing.
     *
     * @throws NotFound when the workspace has no such link
     */
    public ReviewLink revoke(WorkspaceId workspace, ReviewLinkId id) {
        return tenants.call(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update review_links set revoked_at = :now
                            where workspace_id = :workspace and id = :id and revoked_at is null""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            ReviewLink link = require(workspace, id);
            if (changed > 0) {
                audit.record(
                        workspace, "review_link.revoked", "review_link", id.toString(), Map.of("label", link.label()));
            }
            return link;
        });
    }

    /** A link opened by its token: the link, and the secret its post references are derived from. */
    record Opened(ReviewLink link, byte[] tokenHash) {}

    /**
     * The link behind {@code token} when it works, its use noted.
     *
     * @throws ReviewLinkUnusable when it is unknown, expired or revoked, without saying which
     */
    Opened open(String token) {
        if (token.isBlank() || token.length() > 100) {
            throw new ReviewLinkUnusable();
        }
        byte[] hash = hash(token);
        var located = jdbc.sql("select workspace_id, review_link_id from herald_review_link_by_token(:hash)")
                .param("hash", hash)
                .query((rs, row) -> new ReviewLink.Located(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new ReviewLinkId(rs.getObject("review_link_id", UUID.class))))
                .optional()
                .orElseThrow(ReviewLinkUnusable::new);
        Instant now = clock.instant();
        return tenants.call(located.workspace(), () -> {
            ReviewLink link = find(located.workspace(), located.id())
                    .filter(l -> l.statusAt(now) == ReviewLink.Status.ACTIVE)
                    .orElseThrow(ReviewLinkUnusable::new);
            if (link.lastUsedAt() == null || link.lastUsedAt().isBefore(now.minus(USE_GRANULARITY))) {
                jdbc.sql("update review_links set last_used_at = :now where workspace_id = :workspace and id = :id")
                        .param("now", Timestamp.from(now))
                        .param("workspace", located.workspace().value())
                        .param("id", located.id().value())
                        .update();
            }
            return new Opened(link, hash);
        });
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReviewLink link(ResultSet rs, int row) throws SQLException {
        UUID createdBy = rs.getObject("created_by", UUID.class);
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Timestamp used = rs.getTimestamp("last_used_at");
        Array accounts = rs.getArray("account_ids");
        return new ReviewLink(
                new ReviewLinkId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("label"),
                rs.getTimestamp("shows_from").toInstant(),
                rs.getTimestamp("shows_to").toInstant(),
                Arrays.stream((UUID[]) accounts.getArray())
                        .map(ConnectionId::new)
                        .toList(),
                rs.getString("tag"),
                rs.getBoolean("may_approve"),
                createdBy == null ? null : new UserId(createdBy),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(),
                used == null ? null : used.toInstant());
    }
}
