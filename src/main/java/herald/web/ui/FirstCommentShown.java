package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first comment as someone deciding on a post reads it: the text, and the accounts it goes under when not all of
 * them get it (an account may have its own in place of the post's).
 *
 * @param accounts the accounts that get it; empty when every account of the post does
 */
record FirstCommentShown(String text, List<String> accounts) {

    public String label() {
        return accounts.isEmpty() ? "First comment" : "First comment on " + String.join(", ", accounts);
    }

    /** One per distinct text, in the order of the post's accounts; none when no account gets a comment. */
    static List<FirstCommentShown> of(Post post) {
        if (post.targets().isEmpty()) {
            return post.firstComment() == null
                    ? List.of()
                    : List.of(new FirstCommentShown(post.firstComment(), List.of()));
        }
        Map<String, List<String>> accountsByText = new LinkedHashMap<>();
        for (Target target : post.targets()) {
            String text = target.commentOf(post.firstComment());
            if (text != null) {
                accountsByText
                        .computeIfAbsent(text, ignored -> new ArrayList<>())
                        .add(target.account());
            }
        }
        return accountsByText.entrySet().stream()
                .map(e -> new FirstCommentShown(
                        e.getKey(),
                        e.getValue().size() == post.targets().size() ? List.of() : List.copyOf(e.getValue())))
                .toList();
    }
}
