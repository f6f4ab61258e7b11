package herald.publishing;

import herald.shared.InvalidInput;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A file of posts that cannot be imported as it is, with every problem of every row; nothing was created. */
public class ImportRejected extends InvalidInput {

    private final List<ImportProblem> problems;
    private final @Nullable ImportPreview preview;

    ImportRejected(List<ImportProblem> problems, @Nullable ImportPreview preview) {
        super("", summary(problems));
        this.problems = List.copyOf(problems);
        this.preview = preview;
    }

    /** The rejection of a file whose preview has problems. */
    public ImportRejected(ImportPreview preview) {
        this(preview.problems(), preview);
    }

    static ImportRejected of(int row, @Nullable String field, String message) {
        return new ImportRejected(List.of(new ImportProblem(row, field, message)), null);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** Each row with its problems, when the file could be read at all; null when the file itself is unusable. */
    public @Nullable ImportPreview preview() {
        return preview;
    }

    private static String summary(List<ImportProblem> problems) {
        long rows = problems.stream().map(ImportProblem::row).distinct().count();
        if (problems.size() == 1) {
            return problems.getFirst().message() + " Nothing was created.";
        }
        return rows == 1
                ? problems.size() + " problems in one row; nothing was created."
                : problems.size() + " problems in " + rows + " rows; nothing was created.";
    }
}
