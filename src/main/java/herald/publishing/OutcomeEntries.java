package herald.publishing;

import herald.audit.AuditLog;
import herald.shared.WorkspaceId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The audit entries of a target's final outcomes ({@code post.published}, {@code post.failed}, {@code
 * post.needs_attention}), prepared for the outcome's own call to append ({@link OutcomeRows#complete}): the outcome and
 * its entry commit together, or neither does.
 */
@Component
class OutcomeEntries {

    private final AuditLog audit;

    OutcomeEntries(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * The audit entry of a final outcome, written by the outcome's own call only if it applies (none for a retry): the
     * outcome and its entry commit together, in one commit.
     */
    AuditLog.@Nullable Entry of(WorkspaceId workspace, TargetId target, Claim claim, Publisher.Outcome outcome) {
        String id = claim.post().toString();
        String provider = claim.due().provider();
        return switch (outcome) {
            case Publisher.Outcome.Published p ->
                audit.prepare(
                        workspace,
                        "post.published",
                        "post",
                        id,
                        Map.of(
                                "target",
                                target.toString(),
                                "provider",
                                provider,
                                "url",
                                p.post().url().toString(),
                                "reconciled",
                                "" + p.reconciled()));
            case Publisher.Outcome.Failed f ->
                audit.prepare(
                        workspace,
                        "post.failed",
                        "post",
                        id,
                        Map.of("target", target.toString(), "provider", provider, "reason", f.reason()));
            case Publisher.Outcome.Unknown u ->
                audit.prepare(
                        workspace,
                        "post.needs_attention",
                        "post",
                        id,
                        Map.of("target", target.toString(), "provider", provider));
            case Publisher.Outcome.Retry r -> null;
        };
    }
}
