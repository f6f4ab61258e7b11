package herald.publishing;

import herald.shared.SpreadsheetCell;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A workspace's posts as a CSV file for reports and spreadsheets: one line per post and account, with what happened
 * there (status, when it went out, its address on the platform, the last error, its first comment and how that went),
 * newest first, as {@link PostQuery} filters them. Times are in the workspace's zone. Cells a spreadsheet would run as a formula are written as text.
 */
@Component
public class PostExport {

    /** The most posts one file holds. */
    public static final int MAX_POSTS = 10_000;

    static final List<String> HEADER = List.of(
            "post_id",
            "post_status",
            "scheduled_at",
            "text",
            "link",
            "tags",
            "account",
            "account_status",
            "published_at",
            "url",
            "last_error",
            "created_by",
            "first_comment",
            "comment_status",
            "thread",
            "thread_status",
            "format",
            "media",
            "language");

    private static final int PAGE = 500;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Posts posts;

    PostExport(Posts posts) {
        this.posts = posts;
    }

    /**
     * Writes the posts {@code query} selects (its position and limit ignored), page by page.
     *
     * @return how many posts were written; at most {@value #MAX_POSTS}
     */
    public int write(WorkspaceId workspace, ZoneId zone, PostQuery query, Writer out) throws IOException {
        int written = 0;
        try (CSVPrinter csv =
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
            csv.printRecord(HEADER);
            Instant afterTime = null;
            PostId afterId = null;
            while (written < MAX_POSTS) {
                List<Post> page = posts.list(
                        workspace,
                        new PostQuery(
                                query.status(),
                                query.connection(),
                                query.from(),
                                query.to(),
                                afterTime,
                                afterId,
                                Math.min(PAGE, MAX_POSTS - written),
                                query.text(),
                                query.tag()));
                for (Post post : page) {
                    lines(csv, post, zone);
                }
                written += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                Post last = page.getLast();
                afterTime = last.scheduledAt() == null ? last.createdAt() : last.scheduledAt();
                afterId = last.id();
            }
        }
        return written;
    }

    private static void lines(CSVPrinter csv, Post post, ZoneId zone) throws IOException {
        String createdBy =
                post.provenance() == null ? "" : cell(post.provenance().actorLabel());
        for (Target target : post.targets()) {
            csv.printRecord(
                    post.id(),
                    post.status().value(),
                    time(post.scheduledAt(), zone),
                    cell(target.body() == null ? post.body() : target.body()),
                    cell(post.link()),
                    cell(String.join("|", post.tags())),
                    cell(target.account()),
                    target.status().value(),
                    time(target.publishedAt(), zone),
                    target.platformUrl() == null ? "" : target.platformUrl().toString(),
                    cell(target.lastError()),
                    createdBy,
                    cell(target.commentOf(post.firstComment())),
                    target.comment() == null ? "" : target.comment().status().value(),
                    target.thread().isEmpty() ? "" : thread(post),
                    target.thread().stream()
                            .map(part -> part.status().value())
                            .collect(java.util.stream.Collectors.joining("|")),
                    target.format().value(),
                    media(post),
                    cell(post.language()));
        }
        if (post.targets().isEmpty()) {
            csv.printRecord(
                    post.id(),
                    post.status().value(),
                    time(post.scheduledAt(), zone),
                    cell(post.body()),
                    cell(post.link()),
                    cell(String.join("|", post.tags())),
                    "",
                    "",
                    "",
                    "",
                    "",
                    createdBy,
                    cell(post.firstComment()),
                    "",
                    thread(post),
                    "",
                    "",
                    media(post),
                    cell(post.language()));
        }
    }

    /** The post's media as the import's {@code media} column takes them: asset ids, separated by {@code |}. */
    private static String media(Post post) {
        return post.media().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("|"));
    }

    /** The thread's parts after the post's text, a blank line between two. */
    private static String thread(Post post) {
        return cell(String.join("\n\n", post.thread()));
    }

    private static String time(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    static String cell(@Nullable String text) {
        return SpreadsheetCell.text(text);
    }
}
