package herald.publishing;

import java.util.List;

/** A post's status follows from its targets' once they have started publishing. */
final class Settlement {

    private Settlement() {}

    static PostStatus of(List<TargetStatus> targets) {
        if (targets.stream().anyMatch(t -> t == TargetStatus.SCHEDULED || t == TargetStatus.PUBLISHING)) {
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
