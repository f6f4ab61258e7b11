package herald.web.api.problems;

/** One thing wrong with one field of a request: {@code field} is its JSON path, query parameter or header. */
public record FieldProblem(String field, String message) {}
