package herald.publishing;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a file of posts ({@link PostImport}).
 *
 * @param row the row as a spreadsheet numbers it: the header is row 1, the first post row 2; 0 for the file as a whole
 * @param field the column ({@code date}, {@code text}, {@code link}, {@code accounts}, {@code media}), {@code header},
 *     or null when the whole row or file is meant
 */
public record ImportProblem(int row, @Nullable String field, String message) {}
