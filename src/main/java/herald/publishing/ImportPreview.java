package herald.publishing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What importing a file of posts would create, row by row, with each row's problems. */
public record ImportPreview(List<Row> rows) {

    /**
     * One post row of the file.
     *
     * @param row as a spreadsheet numbers it (the header is row 1)
     * @param date the date cell as written
     * @param status what it becomes ({@code scheduled} or {@code draft}); null when it has problems
     * @param scheduledAt its time or queue slot; null for a draft without one, or when it has problems
     * @param queued whether it asked for the next free slot of the posting schedule
     * @param accounts the accounts it goes to as shown ({@code Sandbox @krusty}), else as the file names them
     */
    public record Row(
            int row,
            String date,
            @Nullable PostStatus status,
            @Nullable Instant scheduledAt,
            boolean queued,
            List<String> accounts,
            String text,
            @Nullable String link,
            int media,
            List<ImportProblem> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public boolean accepted() {
        return rows.stream().allMatch(Row::accepted);
    }

    public List<ImportProblem> problems() {
        return rows.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** How many rows become posts with a time (scheduled), and how many drafts. */
    public long scheduled() {
        return rows.stream().filter(r -> r.status() == PostStatus.SCHEDULED).count();
    }

    public long drafts() {
        return rows.stream().filter(r -> r.status() == PostStatus.DRAFT).count();
    }
}
