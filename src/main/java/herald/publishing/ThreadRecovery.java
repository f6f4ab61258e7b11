package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a person does about a part of a post's thread that did not go out as planned (docs/threads.md): publish it
 * again, or say where it is when Herald could not tell whether the platform took it. {@link ThreadParts} then goes on
 * from there.
 */
@Component
public class ThreadRecovery {

    private final ThreadRows rows;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Providers providers;
    private final PostReads reads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThreadRecovery(
            ThreadRows rows,
            TenantScope tenants,
            AuditLog audit,
            Providers providers,
            PostReads reads,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.audit = audit;
        this.providers = providers;
        this.reads = reads;
        this.events = events;
        this.clock = clock;
    }

    /** Once a person settled a part: when no part of the post is failed or unknown any more, who listens hears so. */
    private void settled(WorkspaceId workspace, PostId post) {
        var settled = tenants.read(workspace, () -> reads.settledTroubles(workspace, post));
        if (settled.contains(PostTrouble.THREAD_FAILED)) {
            events.publishEvent(new PostTroubleSettled(workspace, post, settled));
        }
    }

    /**
     * Publishes a failed part again, or an unknown one a person did not find on the account, now and without looking
     * first; the parts after it that were skipped for it follow.
     *
     * @param part the part as a person counts it, 2 for the first after the post's own text
     * @throws InvalidInput for a part outside 2-25
     * @throws NotFound when the post, target or part is not the workspace's
     * @throws Conflict unless the part failed or its outcome is unknown
     */
    public void publishAgain(WorkspaceId workspace, PostId post, TargetId target, int part) {
        int position = position(part);
        tenants.run(workspace, () -> {
            requirePart(workspace, post, target, position);
            if (!rows.again(
                    workspace,
                    target,
                    position,
                    List.of(CommentStatus.FAILED, CommentStatus.UNKNOWN),
                    clock.instant())) {
                throw new Conflict(
                        "status",
                        "Only a part that failed, or that Herald could not tell was published, can be published"
                                + " again.");
            }
            audit.record(
                    workspace,
                    "post.thread_part_again",
                    "post",
                    post.toString(),
                    Map.of("target", target.toString(), "part", String.valueOf(position + 1)));
        });
        settled(workspace, post);
    }

    /**
     * A person found a part whose outcome was unknown on the account, at {@code address}: it is posted, and the thread
     * goes on from it. The address must name the part's id, as a post marked published by hand does ({@link
     * SocialProvider#postIdAt}), since the next part answers it.
     *
     * @param part the part as a person counts it, 2 for the first after the post's own text
     * @throws InvalidInput for a part outside 2-25, or an address that does not name a post of the platform
     * @throws Conflict unless the part's outcome is unknown
     */
    public void confirm(WorkspaceId workspace, PostId post, TargetId target, int part, @Nullable String url) {
        int position = position(part);
        URI address;
        try {
            address = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("url", "'" + url + "' is not an address.");
        }
        tenants.run(workspace, () -> {
            ThreadRows.Open open = requirePart(workspace, post, target, position);
            SocialProvider provider = providers.find(open.provider()).orElse(null);
            String id = provider == null ? null : provider.postIdAt(address).orElse(null);
            if (id == null) {
                throw new InvalidInput(
                        "url",
                        "Give the part's own address on the platform"
                                + (provider == null ? "" : ", such as " + provider.postAddressForm())
                                + ": the next part answers it.");
            }
            if (!rows.confirm(workspace, target, position, id, address.toString(), clock.instant())) {
                throw new Conflict("status", "Only a part Herald could not tell was published can be marked as there.");
            }
            audit.record(
                    workspace,
                    "post.thread_part_confirmed",
                    "post",
                    post.toString(),
                    Map.of("target", target.toString(), "part", String.valueOf(position + 1)));
        });
        settled(workspace, post);
    }

    /** The part as a person counts it (2 for the first after the post's own text) as the thread keeps it. */
    private static int position(int part) {
        if (part < 2 || part > 25) {
            throw new InvalidInput("part", "A thread's parts are numbered from 2 (after the post's own text) to 25.");
        }
        return part - 1;
    }

    private ThreadRows.Open requirePart(WorkspaceId workspace, PostId post, TargetId target, int position) {
        return rows.lock(workspace, target, position)
                .filter(open -> open.post().equals(post))
                .orElseThrow(() ->
                        new NotFound("This post has no part " + (position + 1) + " of a thread on that" + " account."));
    }
}
