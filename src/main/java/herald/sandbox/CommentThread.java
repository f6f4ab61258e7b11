package herald.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A comment on a post as the feed page shows it, with the replies that answer it or one of its replies: one level
 * deep, oldest first, as Instagram shows a conversation, each reply naming whom it answers.
 */
public record CommentThread(Comment comment, List<Reply> replies) {

    /** A reply in a thread, and the name of the author of the comment it answers. */
    public record Reply(Comment comment, String answering) {}

    /** The threads of one post's comments, given oldest first (as {@link Comments#byPosts} lists them). */
    static List<CommentThread> of(List<Comment> comments) {
        Map<UUID, Comment> byId = new LinkedHashMap<>();
        comments.forEach(comment -> byId.put(comment.id(), comment));
        Map<UUID, List<Reply>> replies = new LinkedHashMap<>();
        List<Comment> starts = new ArrayList<>();
        for (Comment comment : comments) {
            Comment answered = comment.replyTo() == null ? null : byId.get(comment.replyTo());
            if (answered == null) {
                starts.add(comment);
            } else {
                replies.computeIfAbsent(start(answered, byId), id -> new ArrayList<>())
                        .add(new Reply(comment, answered.authorName()));
            }
        }
        return starts.stream()
                .map(start -> new CommentThread(start, replies.getOrDefault(start.id(), List.of())))
                .toList();
    }

    /** The comment a chain of replies began with; replies only name comments stored before them, so it ends. */
    private static UUID start(Comment comment, Map<UUID, Comment> byId) {
        Comment at = comment;
        while (at.replyTo() != null && byId.containsKey(at.replyTo())) {
            at = byId.get(at.replyTo());
        }
        return at.id();
    }
}
