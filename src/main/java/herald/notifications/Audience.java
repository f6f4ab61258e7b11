package herald.notifications;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a batch of events' notifications reach ({@link Recipients}): each workspace, its members and what they muted,
 * read once per workspace for the whole batch. The next batch reads again, so a new member is seen soon.
 */
final class Audience {

    private final Workspaces workspaces;
    private final Memberships memberships;
    private final NotificationMutes mutes;
    private final Map<WorkspaceId, Optional<Workspace>> found = new HashMap<>();
    private final Map<WorkspaceId, List<Member>> members = new HashMap<>();
    private final Map<WorkspaceId, Map<NotificationKind, Set<UserId>>> muted = new HashMap<>();

    Audience(Workspaces workspaces, Memberships memberships, NotificationMutes mutes) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.mutes = mutes;
    }

    Optional<Workspace> workspace(WorkspaceId workspace) {
        return found.computeIfAbsent(workspace, workspaces::find);
    }

    List<Member> members(WorkspaceId workspace) {
        return members.computeIfAbsent(workspace, memberships::list);
    }

    Set<UserId> mutedBy(WorkspaceId workspace, NotificationKind kind) {
        return muted.computeIfAbsent(workspace, w -> new EnumMap<>(NotificationKind.class))
                .computeIfAbsent(kind, k -> mutes.mutedBy(workspace, k));
    }

    /**
     * The members {@code kind} reaches with at least the role {@code atLeast}, but those who muted it and the one whose
     * e-mail is {@code author} (who knows what they did).
     */
    List<UserId> of(WorkspaceId workspace, NotificationKind kind, Role atLeast, @Nullable String author) {
        Set<UserId> mutedBy = mutedBy(workspace, kind);
        return members(workspace).stream()
                .filter(m -> kind.reaches(m.role()) && m.role().atLeast(atLeast))
                .filter(m -> !mutedBy.contains(m.user()))
                .filter(m -> author == null || !author.equalsIgnoreCase(m.email()))
                .map(Member::user)
                .toList();
    }
}
