package herald.publishing;

import java.util.List;

/**
 * A post's status follows from its targets' once they have started publishing. A held target (its account paused)
 * counts as one still to publish. Its SQL twin is in {@code herald_complete_target} (V143).
 */
final class Settlement {

    private Settlement() {}

    static PostStatus of(List<TargetStatus> targets) {
        if (targets.stream().anyMatch(t -> t.waiting() || t == TargetStatus.PUBLISHING)) {
            return PostStatus.PUBLISHING;
        }
        long published =
                targets.stream().filter(t -> t == TargetStatus.PUBLISHED).count();
        long counted = targets.stream().filter(t -> t != TargetStatus.CANCELLED).count();
        if (counted == 0) {
            return PostStatus.CANCELLED;
        }
        if (published == counted) {
            return PostStatus.PUBLISHED;
        }
        return published == 0 ? PostStatus.FAILED : PostStatus.PARTIALLY_FAILED;
    }
}
