package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.ConnectionId;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostStatus;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The first comments an approver reads: one per text, naming the accounts only when not all of them get it. */
class FirstCommentShownTest {

    @Test
    void theSameCommentOnEveryAccountIsJustTheFirstComment() {
        var shown = FirstCommentShown.of(post("#pizza", target("Sandbox @a", null), target("X @b", "#pizza")));

        assertThat(shown).containsExactly(new FirstCommentShown("#pizza", List.of()));
        assertThat(shown.getFirst().label()).isEqualTo("First comment");
    }

    @Test
    void anAccountsOwnCommentIsNamedAndThePostsGoesToTheOthers() {
        var shown = FirstCommentShown.of(
                post("#pizza", target("Sandbox @a", null), target("X @b", "Short"), target("Sandbox @c", null)));

        assertThat(shown)
                .extracting(FirstCommentShown::label, FirstCommentShown::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("First comment on Sandbox @a, Sandbox @c", "#pizza"),
                        org.assertj.core.groups.Tuple.tuple("First comment on X @b", "Short"));
    }

    @Test
    void thePostsCommentIsNotShownWhenEveryAccountHasItsOwnAndNothingWithoutAny() {
        assertThat(FirstCommentShown.of(post("#pizza", target("Sandbox @a", "Own"))))
                .containsExactly(new FirstCommentShown("Own", List.of()));
        assertThat(FirstCommentShown.of(post(null, target("Sandbox @a", null)))).isEmpty();
        assertThat(FirstCommentShown.of(post("#pizza"))).containsExactly(new FirstCommentShown("#pizza", List.of()));
    }

    static Post post(@Nullable String firstComment, Target... targets) {
        Instant now = Instant.now();
        return new Post(
                new WorkspaceId(UUID.randomUUID()),
                new PostId(UUID.randomUUID()),
                "Pizza!",
                null,
                List.of(),
                PostStatus.PENDING_APPROVAL,
                null,
                null,
                List.of(targets),
                now,
                now,
                null,
                List.of(),
                null,
                firstComment,
                false,
                List.of(),
                List.of(),
                null);
    }

    static Target target(String account, @Nullable String firstComment) {
        return new Target(
                TargetId.random(),
                ConnectionId.random(),
                "sandbox",
                account,
                null,
                TargetStatus.SCHEDULED,
                0,
                null,
                null,
                null,
                null,
                null,
                firstComment,
                null,
                List.of(),
                herald.providers.PostFormat.POST,
                false);
    }
}
