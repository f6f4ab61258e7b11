package herald.web.api.posts;

import herald.publishing.AttemptHistory;
import herald.publishing.Post;
import herald.publishing.PostApprovals;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.UpcomingRepeats;
import java.util.List;
import org.springframework.stereotype.Component;

/** A post on its own as the API answers it: its targets' attempt logs, its series and why it was sent back. */
@Component
class PostViews {

    private final AttemptHistory history;
    private final PostRepeats repeats;
    private final UpcomingRepeats upcoming;
    private final PostApprovals decisions;

    PostViews(AttemptHistory history, PostRepeats repeats, UpcomingRepeats upcoming, PostApprovals decisions) {
        this.history = history;
        this.repeats = repeats;
        this.upcoming = upcoming;
        this.decisions = decisions;
    }

    PostView of(Post post) {
        var series = repeats.of(post.workspace(), post.id()).orElse(null);
        return PostView.of(
                post,
                history.of(post.workspace(), post.id()),
                series,
                series == null || !series.open()
                        ? List.of()
                        : upcoming.of(post.workspace(), post.id(), 5).stream()
                                .map(UpcomingRepeats.Upcoming::at)
                                .toList(),
                post.status() == PostStatus.DRAFT
                        ? decisions.sentBack(post.workspace(), post.id()).orElse(null)
                        : null);
    }
}
