package herald.tenancy;

import herald.audit.AuditLog;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invitations by link. The token is random, stored only as its SHA-256, valid for {@link #VALIDITY}, and used at
 * most once: acceptance marks it used in the same statement that checks it is still open.
 */
@Component
public class Invitations {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    static final Duration VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Memberships memberships;
    private final Users users;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(
            JdbcClient jdbc,
            TenantScope tenants,
            Memberships memberships,
            Users users,
            Workspaces workspaces,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.memberships = memberships;
        this.users = users;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    /** Invites someone as {@code role} (never owner: owners are made from members). */
    public IssuedInvitation invite(WorkspaceId workspace, @Nullable String email, Role role, @Nullable UserId by) {
        if (role == Role.OWNER) {
            throw new InvalidInput("role", "Invite as admin, editor or viewer; make a member an owner once they join.");
        }
        String normalized = email == null || email.isBlank() ? null : Users.normalizeEmail(email);
        return issue(workspace, normalized, role, by);
    }

    /**
     * Invites the first owner of a workspace that has no member yet (a workspace provisioned by the operator for a
     * person without an account). Bound to that person's email, so nobody else can claim the workspace.
     */
    IssuedInvitation inviteOwner(WorkspaceId workspace, String email) {
        return issue(workspace, Users.normalizeEmail(email), Role.OWNER, null);
    }

    private IssuedInvitation issue(WorkspaceId workspace, @Nullable String normalized, Role role, @Nullable UserId by) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(VALIDITY);
        return tenants.call(workspace, () -> {
            memberships.checkSeat(workspace);
            jdbc.sql(
                            """
                            insert into invitations (workspace_id, id, email, role, token_hash, invited_by, expires_at)
                            values (:workspace, :id, :email, :role, :hash, :by, :expiresAt)""")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .param("email", normalized)
                    .param("role", role.value())
                    .param("hash", hash(token))
                    .param("by", by == null ? null : by.value())
                    .param("expiresAt", Timestamp.from(expiresAt))
                    .update();
            var details = new java.util.TreeMap<String, String>();
            details.put("role", role.value());
            if (normalized != null) {
                details.put("email", normalized);
            }
            audit.record(workspace, "member.invited", "invitation", id.toString(), details);
            return new IssuedInvitation(find(workspace, id).orElseThrow(), token);
        });
    }

    public List<Invitation> pending(WorkspaceId workspace) {
        Instant now = clock.instant();
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select * from invitations where workspace_id = :workspace
                        and accepted_at is null and revoked_at is null and expires_at > :now
                        order by created_at desc""")
                .param("workspace", workspace.value())
                .param("now", Timestamp.from(now))
                .query(Invitations::invitation)
                .list());
    }

    /** Where a page of {@link #pending(WorkspaceId, After, int)} continues: after this invitation, newest first. */
    public record After(Instant createdAt, UUID id) {}

    /** Up to {@code limit} open invitations, newest first, continuing after {@code after} when given. */
    public List<Invitation> pending(WorkspaceId workspace, @Nullable After after, int limit) {
        Instant now = clock.instant();
        Keyset.After from = after == null ? null : new Keyset.After(after.createdAt(), after.id());
        return tenants.call(workspace, () -> NEWEST_FIRST
                .page(
                        jdbc,
                        """
                                select * from invitations where workspace_id = :workspace
                                and accepted_at is null and revoked_at is null and expires_at > :now""",
                        from,
                        limit)
                .param("workspace", workspace.value())
                .param("now", Timestamp.from(now))
                .query(Invitations::invitation)
                .list());
    }

    public Optional<Invitation> find(WorkspaceId workspace, UUID id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from invitations where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .query(Invitations::invitation)
                        .optional());
    }

    public void revoke(WorkspaceId workspace, UUID id) {
        tenants.run(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update invitations set revoked_at = now()
                            where workspace_id = :workspace and id = :id and accepted_at is null and revoked_at is null""")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .update();
            if (changed == 0) {
                throw new NotFound("No open invitation with this id.");
            }
            audit.record(workspace, "member.invitation_revoked", "invitation", id.toString(), Map.of());
        });
    }

    /** What the link leads to, or why it cannot be used. */
    public InvitationPreview preview(String token) {
        Located located = locate(token);
        return tenants.call(located.workspace(), () -> {
            Invitation invitation = usable(located);
            Workspace workspace = workspaces.require(located.workspace());
            String inviter = invitation.invitedBy() == null
                    ? null
                    : users.find(invitation.invitedBy()).map(User::displayName).orElse(null);
            return new InvitationPreview(
                    workspace.name(), invitation.role(), invitation.email(), inviter, invitation.expiresAt());
        });
    }

    /** Makes {@code user} a member through the invitation, once. Returns the workspace joined. */
    public WorkspaceId accept(String token, UserId user) {
        Located located = locate(token);
        User person = users.find(user).orElseThrow();
        tenants.run(located.workspace(), () -> {
            Invitation invitation = usable(located);
            if (invitation.email() != null && !invitation.email().equals(person.email())) {
                throw new InvitationUnusable(InvitationUnusable.Reason.OTHER_EMAIL);
            }
            int claimed = jdbc.sql(
                            """
                            update invitations set accepted_at = now(), accepted_by = :user
                            where workspace_id = :workspace and id = :id
                            and accepted_at is null and revoked_at is null and expires_at > now()""")
                    .param("user", user.value())
                    .param("workspace", located.workspace().value())
                    .param("id", located.id())
                    .update();
            if (claimed == 0) {
                throw new InvitationUnusable(InvitationUnusable.Reason.USED);
            }
            memberships.join(
                    located.workspace(),
                    user,
                    invitation.role(),
                    Map.of("invitation", invitation.id().toString(), "email", person.email()));
        });
        return located.workspace();
    }

    private record Located(WorkspaceId workspace, UUID id) {}

    private Located locate(String token) {
        if (token.isBlank() || token.length() > 100) {
            throw new InvitationUnusable(InvitationUnusable.Reason.UNKNOWN);
        }
        return jdbc.sql("select workspace_id, invitation_id from herald_invitation_by_token(:hash)")
                .param("hash", hash(token))
                .query((rs, row) -> new Located(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("invitation_id", UUID.class)))
                .optional()
                .orElseThrow(() -> new InvitationUnusable(InvitationUnusable.Reason.UNKNOWN));
    }

    private Invitation usable(Located located) {
        Invitation invitation = find(located.workspace(), located.id())
                .orElseThrow(() -> new InvitationUnusable(InvitationUnusable.Reason.UNKNOWN));
        return switch (invitation.statusAt(clock.instant())) {
            case PENDING -> invitation;
            case ACCEPTED -> throw new InvitationUnusable(InvitationUnusable.Reason.USED);
            case REVOKED -> throw new InvitationUnusable(InvitationUnusable.Reason.REVOKED);
            case EXPIRED -> throw new InvitationUnusable(InvitationUnusable.Reason.EXPIRED);
        };
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        UUID invitedBy = rs.getObject("invited_by", UUID.class);
        Timestamp accepted = rs.getTimestamp("accepted_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Invitation(
                rs.getObject("id", UUID.class),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("email"),
                Role.of(rs.getString("role")),
                invitedBy == null ? null : new UserId(invitedBy),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                accepted == null ? null : accepted.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
